package org.minsheng.analysis.normalise;

import java.util.regex.Pattern;

/**
 * Whitespace cleanup: zero-width characters and the byte-order mark are removed; every run of whitespace (including
 * no-break and other Unicode spaces, tabs and line breaks) becomes one space; a space between two Han characters is
 * removed (Chinese does not separate words with spaces, such spaces are layout residue that would split words);
 * leading and trailing space is trimmed.
 */
public final class Whitespace {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern RUNS = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern BETWEEN_HAN = Pattern.compile("(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}]) (?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}])");

  private Whitespace() {}

  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String s = INVISIBLE.matcher(text).replaceAll("");
    s = RUNS.matcher(s).replaceAll(" ");
    s = BETWEEN_HAN.matcher(s).replaceAll("");
    return s.strip();
  }
}
