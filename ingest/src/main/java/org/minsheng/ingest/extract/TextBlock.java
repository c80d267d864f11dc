package org.minsheng.ingest.extract;

import org.jsoup.nodes.Element;

/**
 * A run of text between two block-level boundaries of the page (a paragraph, a list item, a table cell, …).
 *
 * @param owner the innermost block-level element holding the text
 * @param text the text, whitespace collapsed
 * @param chars non-whitespace characters
 * @param linkChars non-whitespace characters inside {@code <a>}
 * @param punctuation sentence punctuation marks outside links (，。！？；、 and ASCII , ! ? ;)
 * @param index position of the block in document order
 * @param unlikely inside an element marked as comments, related links, share bar, …
 */
record TextBlock(Element owner, String text, int chars, int linkChars, int punctuation, int index,
    boolean unlikely) {

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  /** How much this block argues for its container being the article: positive for prose, negative for the rest. */
  double value() {
    int nonLink = chars - linkChars;
    if (unlikely || linkDensity() > 0.5) {
      return -chars;
    }
    if (code()) {
      return 0; // program text in a tech article: neither prose nor navigation
    }
    if (punctuation >= 1 && nonLink >= 10) {
      return nonLink - linkChars;
    }
    return -0.3 * chars;
  }

  /** Inside {@code <pre>} or {@code <code>}. */
  boolean code() {
    for (org.jsoup.nodes.Element e = owner; e != null; e = e.parent()) {
      String tag = e.normalName();
      if (tag.equals("pre") || tag.equals("code")) {
        return true;
      }
      if (tag.equals("body")) {
        return false;
      }
    }
    return false;
  }

  boolean prose() {
    return value() > 0;
  }
}
