package org.minsheng.analysis.dedup;

import com.hankcs.hanlp.HanLP;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Bottom-k sketch of a text's sentences, the second reprint test next to SimHash. SimHash within 3 bits catches copies
 * that differ by a few words, but a reprint that drops a paragraph or adds a dateline, a 来源 line and a footer to a
 * short text moves ~10 bits (the expected distance follows the angle between feature vectors). Reprints keep most of
 * their sentences verbatim, so: split the text into sentences, drop chrome lines (来源, 责任编辑, 原标题, disclaimers),
 * convert to simplified script, keep letters and digits, hash sentences of at least {@value #MIN_SENTENCE} characters
 * and keep the {@value #K} smallest hashes. Two texts are reprints when they share at least half of the smaller sketch
 * (and two sentences, unless one text has a single sentence).
 */
public final class SentenceSketch {
  public static final int K = 8;
  static final int MIN_SENTENCE = 12;
  private static final Pattern SPLIT = Pattern.compile("[。！？!?；;\\n]+");
  private static final Pattern CHROME = Pattern.compile(
      "^(\\s*(来源|來源|文章来源|责任编辑|責任編輯|编辑|編輯|原标题|原標題|免责声明|免責聲明|版权|版權|点击|點擊|本报讯|本報訊|记者|記者)"
          + "|.*【(纠错|糾錯|责任编辑|責任編輯)】|\\s*[（(]完[）)]\\s*$).*");

  private SentenceSketch() {}

  public static long[] of(String text) {
    if (text == null || text.isBlank()) {
      return new long[0];
    }
    TreeSet<Long> hashes = new TreeSet<>();
    for (String line : text.split("\\n")) {
      if (CHROME.matcher(line).matches()) {
        continue;
      }
      for (String sentence : SPLIT.split(HanLP.convertToSimplifiedChinese(line))) {
        StringBuilder core = new StringBuilder(sentence.length());
        for (int i = 0; i < sentence.length(); ) {
          int cp = sentence.codePointAt(i);
          if (Character.isLetterOrDigit(cp)) {
            core.appendCodePoint(cp);
          }
          i += Character.charCount(cp);
        }
        if (core.length() >= MIN_SENTENCE) {
          hashes.add(SimHash.hash64(core.toString()));
          if (hashes.size() > K) {
            hashes.pollLast();
          }
        }
      }
    }
    return hashes.stream().mapToLong(Long::longValue).toArray();
  }

  /** True when {@code a} and {@code b} (sorted sketches) share enough sentences to be reprints of each other. */
  public static boolean reprints(long[] a, long[] b) {
    int small = Math.min(a.length, b.length);
    if (small == 0) {
      return false;
    }
    int shared = 0;
    for (long x : a) {
      if (Arrays.binarySearch(b, x) >= 0) {
        shared++;
      }
    }
    return shared * 2 >= small && shared >= Math.min(2, small);
  }

  /** Bucket key of one sketch hash. */
  public static String key(long hash) {
    return "s:" + Long.toHexString(hash);
  }
}
