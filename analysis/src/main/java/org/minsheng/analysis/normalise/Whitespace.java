package org.minsheng.analysis.normalise;

import java.util.regex.Pattern;

/**
 * Whitespace cleanup: zero-width characters and the byte-order mark are removed; every run of whitespace (including
 * no-break and other Unicode spaces, tabs and line breaks) becomes one space; a space with a Han character (or Chinese
 * punctuation) on one side and a Han character or punctuation on the other is removed (Chinese does not separate words
 * with spaces, such spaces are layout residue that would split words; {@code 15%，　业务} after half-width is
 * {@code 15%, 业务}); spaces between Latin words or numbers stay;
 * leading and trailing space is trimmed.
 */
public final class Whitespace {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern RUNS = Pattern.compile("[\\s\\p{Z}]+");
  private static final String CJK = "\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}";
  /** A space with Chinese on one side and Chinese or punctuation on the other. */
  private static final Pattern NEXT_TO_HAN = Pattern.compile(
      "(?<=[" + CJK + "]) (?=[" + CJK + "\\p{Punct}])|(?<=[" + CJK + "\\p{Punct}]) (?=[" + CJK + "])");

  private Whitespace() {}

  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String s = INVISIBLE.matcher(text).replaceAll("");
    s = RUNS.matcher(s).replaceAll(" ");
    s = NEXT_TO_HAN.matcher(s).replaceAll("");
    return s.strip();
  }
}
