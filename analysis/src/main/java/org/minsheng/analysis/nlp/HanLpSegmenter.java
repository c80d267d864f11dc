package org.minsheng.analysis.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link Segmenter} over HanLP 1.x's Viterbi segmenter with part-of-speech tagging, dropping punctuation and whitespace.
 *
 * <p>Isolation from HanLP's static state: each instance owns its {@link Segment} and its own
 * {@link DynamicCustomDictionary}, loaded from the custom dictionary file that the portable jar ships (a private copy,
 * not {@code CustomDictionary.DEFAULT}) plus the extra words given to the constructor. Words added here are therefore
 * seen by this instance only. {@code HanLP.Config} is only read (for the dictionary path), never written; the core
 * dictionaries HanLP loads statically are read-only tables once loaded, except the transition matrix that HanLP itself
 * re-extends on every tagged sentence ({@link HanLpTransformMatrix} completes that extension once). Not thread-safe:
 * one instance per operator, created in {@code open()}.
 */
public final class HanLpSegmenter implements Segmenter {
  private final Segment segment;
  private final int customWords;

  /**
   * @param extraWords custom words, each {@code "word"} or {@code "word nature"} (e.g. {@code "舆情 n"}), added to this
   *     instance's dictionary only
   */
  public HanLpSegmenter(Collection<String> extraWords) {
    DynamicCustomDictionary dictionary = new DynamicCustomDictionary(HanLP.Config.CustomDictionaryPath.clone());
    int added = 0;
    for (String entry : extraWords) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int space = trimmed.indexOf(' ');
      boolean ok = space < 0
          ? dictionary.insert(trimmed)
          : dictionary.insert(trimmed.substring(0, space), trimmed.substring(space + 1).strip() + " 1000");
      if (!ok) {
        throw new IllegalArgumentException("custom word '" + entry + "' could not be added (expected \"word\" or \"word nature\")");
      }
      added++;
    }
    this.customWords = added;
    this.segment = new ViterbiSegment()
        .enableCustomDictionary(dictionary)
        .enablePartOfSpeechTagging(true)
        .enableOffset(false);
    // after the dictionary, which may have created natures: see HanLpTransformMatrix
    HanLpTransformMatrix.completeExtension();
  }

  public HanLpSegmenter() {
    this(List.of());
  }

  /** Number of extra custom words this instance was given. */
  public int customWordCount() {
    return customWords;
  }

  @Override
  public List<Token> segment(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Term> terms = segment.seg(text);
    List<Token> tokens = new ArrayList<>(terms.size());
    for (Term term : terms) {
      String pos = term.nature == null ? "x" : term.nature.toString();
      if (isWord(term.word, pos)) {
        tokens.add(new Token(term.word, pos));
      }
    }
    return tokens;
  }

  /** False for punctuation (HanLP tags w*) and for anything without a letter, digit or Han character. */
  static boolean isWord(String word, String pos) {
    if (word == null || pos.startsWith("w")) {
      return false;
    }
    // a loop, not codePoints().anyMatch(...): this runs for every token of every post
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
