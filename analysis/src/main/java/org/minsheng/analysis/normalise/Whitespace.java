package org.minsheng.analysis.normalise;

/**
 * Whitespace cleanup: zero-width characters and the byte-order mark are removed; every run of whitespace (including
 * no-break and other Unicode spaces, tabs and line breaks) becomes one space; a space with a Han character (or Chinese
 * punctuation) on one side and a Han character or punctuation on the other is removed (Chinese does not separate words
 * with spaces, such spaces are layout residue that would split words; {@code 15%，　业务} after half-width is
 * {@code 15%, 业务}); spaces between Latin words or numbers stay;
 * leading and trailing space is trimmed.
 *
 * <p>One pass over the text (it was three regular-expression passes, 2 % of the job's CPU); {@code WhitespaceTest}
 * checks it against those expressions on random text.
 */
public final class Whitespace {
  private static final String ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private Whitespace() {}

  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int previous = -1; // last code point written
    boolean space = false; // a run of whitespace is pending between previous and the next visible code point
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isInvisible(cp)) {
        continue;
      }
      if (isSpace(cp)) {
        space = true;
        continue;
      }
      if (space) {
        if (previous >= 0 && !joinsWithoutSpace(previous, cp)) {
          out.append(' ');
        }
        space = false;
      }
      out.appendCodePoint(cp);
      previous = cp;
    }
    return out.toString().strip();
  }

  private static boolean joinsWithoutSpace(int before, int after) {
    boolean hanBefore = isCjk(before);
    boolean hanAfter = isCjk(after);
    return hanBefore && (hanAfter || isAsciiPunct(after)) || hanAfter && isAsciiPunct(before);
  }

  static boolean isInvisible(int cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
  }

  /** {@code [\s\p{Z}]}: ASCII whitespace and Unicode space, line and paragraph separators. */
  static boolean isSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
    }
    int type = Character.getType(cp);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Han script or the CJK Symbols and Punctuation block (U+3000–U+303F). */
  static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false; // no Han character or CJK symbol below the CJK radicals
    }
    return cp >= 0x3000 && cp <= 0x303F || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static boolean isAsciiPunct(int cp) {
    return cp < 128 && ASCII_PUNCT.indexOf(cp) >= 0;
  }
}
