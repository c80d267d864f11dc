package org.minsheng.analysis.normalise;

import java.util.Objects;

/**
 * The normalise stage's pure function: full-width → half-width, traditional → simplified, pinyin residue removed,
 * whitespace cleaned, in that order (half-width first so that full-width parentheses around pinyin are recognised;
 * simplified before the pinyin rule because it only looks at the Han character in front).
 */
public final class TextNormaliser {
  private final TraditionalToSimplified t2s;

  public TextNormaliser(TraditionalToSimplified t2s) {
    this.t2s = Objects.requireNonNull(t2s, "t2s");
  }

  /** A normaliser over HanLP's bundled conversion table. */
  public static TextNormaliser withHanLpTable() {
    return new TextNormaliser(TraditionalToSimplified.fromHanLp());
  }

  /** The normalised form of {@code text}; "" for null. */
  public String normalise(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = FullWidth.toHalfWidth(text);
    s = t2s.convert(s);
    s = PinyinResidue.remove(s);
    return Whitespace.clean(s);
  }

  /**
   * Title and text normalised and joined by a line break (the only line break in the result, so later stages can tell
   * the title from the body); just the text when there is no title.
   */
  public String normalise(String title, String text) {
    return join(normalise(title), normalise(text));
  }

  /** Already normalised title and body as one text: {@code title + "\n" + body}, either part may be empty. */
  public static String join(String normalisedTitle, String normalisedBody) {
    String t = normalisedTitle == null ? "" : normalisedTitle;
    String body = normalisedBody == null ? "" : normalisedBody;
    if (t.isEmpty()) {
      return body;
    }
    return body.isEmpty() ? t : t + "\n" + body;
  }
}
