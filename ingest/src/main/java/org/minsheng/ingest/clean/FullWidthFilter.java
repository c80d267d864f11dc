package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Full-width → half-width: letters and digits (ＡＢＣ１２３ → ABC123) and the ideographic space (U+3000 → space), NBSP
 * → space. Chinese punctuation (，。：) is the normal form in Chinese text and is kept unless {@code punctuation: true}
 * converts every full-width ASCII form (U+FF01–FF5E).
 */
public final class FullWidthFilter implements CleaningFilter {
  private boolean punctuation;

  @Override
  public String name() {
    return "full-width";
  }

  @Override
  public void configure(JsonNode settings) {
    punctuation = new FilterSettings(name(), settings).bool("punctuation", false);
  }

  @Override
  public String apply(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
      if (alnum || (punctuation && c >= '\uFF01' && c <= '\uFF5E')) {
        b.append((char) (c - 0xFEE0));
      } else if (c == '\u3000' || c == '\u00A0') {
        b.append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
