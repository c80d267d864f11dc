package org.minsheng.analysis.textfeatures;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists the featuriser looks up: polarity words (with an optional DUTIR emotion category), degree adverbs
 * (with a level) and negators. Stored inside the model file as hashed tables, so scoring needs no external files.
 *
 * <p>Value encoding of {@link #words()}: bit 0 positive, bit 1 negative, bits 2–6 the DUTIR category index
 * ({@link #CATEGORIES}, 0 = none).
 *
 * <p>{@link #prefixes()} holds every proper prefix of every entry of the three tables, so that a scan can stop
 * extending a candidate as soon as no entry starts with it (most do after one or two characters) instead of probing
 * the tables up to the longest entry's length at every position. Model files of format 1 have no prefix table; they
 * still load and are scanned without that shortcut.
 */
public final class PolarityLexicon {
  /** DUTIR 情感词汇本体 sub-classes; index + 1 is the stored category. */
  public static final List<String> CATEGORIES = List.of("PA", "PE", "PD", "PH", "PG", "PB", "PK", "NA", "NB", "NJ",
      "NH", "PF", "NI", "NC", "NG", "NE", "ND", "NN", "NK", "NL", "PC");
  public static final int POSITIVE = 1;
  public static final int NEGATIVE = 2;

  /** Multipliers of degree levels 1–6: HowNet's 极其 / 很 / 较 / 稍 / 欠 / 超. */
  static final float[] DEGREE_MULTIPLIER = {1f, 2.0f, 1.6f, 1.3f, 0.7f, 0.5f, 1.8f};

  /** Negators written for this project (the shared list also holds verbs such as 放下, 反对, which are not negators). */
  public static final List<String> BUILT_IN_NEGATORS = List.of("不", "没", "没有", "无", "非", "并非", "未", "别", "莫",
      "勿", "毫无", "从不", "从没", "从未", "绝不", "决不", "毫不", "不是", "并不", "并没", "并没有", "木有", "没啥", "不怎么",
      "不太", "不够", "不再", "难以", "尚未", "绝非", "远非", "不曾", "未曾", "缺乏", "缺少", "谈不上", "算不上", "称不上");

  /** Degree adverbs with levels, used when no HowNet file is given. */
  public static final Map<String, Integer> BUILT_IN_DEGREES = Map.ofEntries(Map.entry("极其", 1), Map.entry("极", 1),
      Map.entry("最", 1), Map.entry("非常", 1), Map.entry("特别", 1), Map.entry("十分", 1), Map.entry("超级", 6),
      Map.entry("太", 6), Map.entry("超", 6), Map.entry("很", 2), Map.entry("挺", 2),
      Map.entry("真", 2), Map.entry("相当", 2), Map.entry("比较", 3), Map.entry("较", 3), Map.entry("更", 3),
      Map.entry("还", 3), Map.entry("有点", 4), Map.entry("有些", 4), Map.entry("稍", 4), Map.entry("略", 4),
      Map.entry("稍微", 4), Map.entry("一点", 4), Map.entry("欠", 5));

  private final WordTable words;
  private final WordTable degrees;
  private final WordTable negators;
  private final WordTable prefixes;
  private final LexiconIndex index;

  /**
   * @param prefixes the proper prefixes of all entries (value 1), or null when unknown (then no scan shortcut)
   */
  public PolarityLexicon(WordTable words, WordTable degrees, WordTable negators, WordTable prefixes) {
    this.words = words;
    this.degrees = degrees;
    this.negators = negators;
    this.prefixes = prefixes;
    this.index = new LexiconIndex(this);
  }

  /** A lexicon from plain maps: word → {@link #POSITIVE}/{@link #NEGATIVE} | category << 2, word → degree level. */
  public static PolarityLexicon of(Map<String, Short> words, Map<String, Integer> degrees, List<String> negators) {
    Map<String, Short> d = new HashMap<>();
    degrees.forEach((w, level) -> d.put(w, level.shortValue()));
    Map<String, Short> n = new HashMap<>();
    negators.forEach(w -> n.put(w, (short) 1));
    Map<String, Short> p = new HashMap<>();
    for (Map<String, Short> table : List.of(words, d, n)) {
      for (String w : table.keySet()) {
        for (int len = 1; len < w.length(); len++) {
          p.put(w.substring(0, len), (short) 1);
        }
      }
    }
    return new PolarityLexicon(WordTable.of(words), WordTable.of(d), WordTable.of(n), WordTable.of(p));
  }

  public WordTable words() {
    return words;
  }

  public WordTable degrees() {
    return degrees;
  }

  public WordTable negators() {
    return negators;
  }

  /** Proper prefixes of all entries, or null for a lexicon read from a format-1 model file. */
  public WordTable prefixes() {
    return prefixes;
  }

  /** The four tables merged for scanning (one probe per candidate). */
  LexiconIndex index() {
    return index;
  }

  /** Writes the tables; the prefix table (format 2) only when known. */
  void write(DataOutputStream out) throws IOException {
    words.write(out);
    degrees.write(out);
    negators.write(out);
    if (prefixes == null) {
      throw new IOException("this lexicon has no prefix table (read from a format-1 model): rebuild it from its lists");
    }
    prefixes.write(out);
  }

  static PolarityLexicon read(DataInputStream in, boolean withPrefixes) throws IOException {
    WordTable w = WordTable.read(in);
    WordTable d = WordTable.read(in);
    WordTable n = WordTable.read(in);
    return new PolarityLexicon(w, d, n, withPrefixes ? WordTable.read(in) : null);
  }
}
