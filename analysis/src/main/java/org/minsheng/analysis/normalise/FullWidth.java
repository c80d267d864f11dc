package org.minsheng.analysis.normalise;

/**
 * Full-width → half-width: the full-width ASCII block U+FF01–U+FF5E ({@code ＡＢＣ１２３！（）}) becomes plain ASCII, the
 * ideographic space U+3000 becomes a space. Chinese punctuation outside that block ({@code 。、「」《》}) is kept: it has no
 * ASCII counterpart and HanLP tags it as punctuation either way.
 */
public final class FullWidth {
  private FullWidth() {}

  public static String toHalfWidth(String text) {
    if (text == null) {
      return null;
    }
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char mapped;
      if (c >= '\uFF01' && c <= '\uFF5E') {
        mapped = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        mapped = ' ';
      } else {
        continue;
      }
      if (chars == null) {
        chars = text.toCharArray();
      }
      chars[i] = mapped;
    }
    return chars == null ? text : new String(chars);
  }
}
