package org.minsheng.analysis.keywords;

import java.io.Serializable;

/**
 * Decides which segmented words can be keywords or topic terms: content parts of speech (nouns, verbs, adjectives,
 * names, English words, hashtags), not stopwords, not pure numbers or punctuation, at least two characters unless a
 * name.
 */
public final class TermFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Stopwords stopwords;

  public TermFilter(Stopwords stopwords) {
    this.stopwords = stopwords;
  }

  public boolean accept(String word, String pos) {
    if (word == null || word.isBlank() || stopwords.contains(word)) {
      return false;
    }
    if (!hasLetter(word)) {
      return false;
    }
    String p = pos == null ? "" : pos;
    if (p.startsWith("nr") || p.startsWith("ns") || p.startsWith("nt")) {
      return word.length() >= 2;
    }
    if (word.length() < 2) {
      return false;
    }
    if (p.isEmpty()) {
      return true;
    }
    char c = p.charAt(0);
    return c == 'n' || c == 'v' || c == 'a' || c == 'g' || c == 'x' || c == 'j' || c == 'i' || c == 'l';
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
