package org.minsheng.api.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyword expression as typed by a user, parsed into plain values (never into query text): words separated by
 * spaces must all occur, {@code |} separates alternatives inside a word, a leading {@code -} excludes a word.
 * {@code 物价 上涨|涨价 -股票} = contains 物价, and 上涨 or 涨价, and not 股票. Each value is matched as an exact
 * substring ({@code match_phrase}) of the title or text.
 *
 * @param required groups that must all match; inside a group any alternative matches
 * @param excluded values none of which may match
 */
public record KeywordExpression(String source, List<List<String>> required, List<String> excluded) {

  /** Parses {@code text}; throws {@link IllegalArgumentException} with a message fit for the user. */
  public static KeywordExpression parse(String text) {
    String trimmed = text.strip();
    List<List<String>> required = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String word : trimmed.split("[\\s\\u3000]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.startsWith("-")) {
        String value = word.substring(1);
        if (value.isEmpty() || value.contains("|")) {
          throw new IllegalArgumentException("'-' must be followed by one word to exclude, got '" + word + "'");
        }
        excluded.add(value);
        continue;
      }
      List<String> alternatives = new ArrayList<>();
      for (String alternative : word.split("\\|", -1)) {
        if (alternative.isEmpty()) {
          throw new IllegalArgumentException("empty alternative in '" + word + "'");
        }
        alternatives.add(alternative);
      }
      required.add(List.copyOf(alternatives));
    }
    if (required.isEmpty() && !excluded.isEmpty()) {
      throw new IllegalArgumentException("an expression needs at least one word that must occur, not only exclusions");
    }
    return new KeywordExpression(trimmed, List.copyOf(required), List.copyOf(excluded));
  }

  public boolean isEmpty() {
    return required.isEmpty();
  }
}
