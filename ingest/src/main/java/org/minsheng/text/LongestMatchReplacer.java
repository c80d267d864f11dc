package org.minsheng.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Forward longest-match replacement over a table of strings (the traditional → simplified converters of the cleaning
 * chain and of the job's normalise stage). At each position the longest key that starts there is replaced by its
 * value; other characters are copied.
 *
 * <p>Cost: for most characters one array read (no key starts with them) or one char-table read (a one-char key with a
 * one-char value); otherwise one map look-up per key length that actually starts with that character, instead of one
 * per length up to the longest key of the table (which profiles of both callers showed as a third of their time).
 * Immutable after construction and safe to share; callers still hold one per operator or chain.
 */
public final class LongestMatchReplacer {
  private final Map<String, String> table;
  /** Longest key (in chars, capped at 127) starting with a given BMP char; 0 when none does. */
  private final byte[] longestByFirstChar = new byte[Character.MAX_VALUE + 1];
  /** The same for keys starting outside the BMP. */
  private final Map<Integer, Integer> longestOutsideBmp;
  /** The value of a one-char key when it is a single char, 0 otherwise (then {@link #table} answers). */
  private final char[] singleChar = new char[Character.MAX_VALUE + 1];

  public LongestMatchReplacer(Map<String, String> table) {
    Objects.requireNonNull(table, "table");
    this.table = Map.copyOf(table);
    Map<Integer, Integer> outside = new HashMap<>();
    for (Map.Entry<String, String> e : this.table.entrySet()) {
      String key = e.getKey();
      if (key.isEmpty()) {
        continue;
      }
      int first = key.codePointAt(0);
      if (Character.isBmpCodePoint(first)) {
        longestByFirstChar[first] = (byte) Math.max(longestByFirstChar[first], Math.min(key.length(), 127));
        if (key.length() == 1 && e.getValue().length() == 1) {
          singleChar[first] = e.getValue().charAt(0);
        }
      } else {
        outside.merge(first, key.length(), Math::max);
      }
    }
    this.longestOutsideBmp = Map.copyOf(outside);
  }

  /** The table (immutable). */
  public Map<String, String> table() {
    return table;
  }

  /** {@code text} with every longest match replaced; the same instance when nothing matched. */
  public String replace(String text) {
    if (text == null || text.isEmpty() || table.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int n = text.length();
    int i = 0;
    int copiedUpTo = 0;
    while (i < n) {
      char c = text.charAt(i);
      int codePoint = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
      int longest = codePoint == c ? longestByFirstChar[c] : longestOutsideBmp.getOrDefault(codePoint, 0);
      if (longest == 0) {
        i += Character.charCount(codePoint);
        continue;
      }
      int matched = 0;
      String replacement = null;
      char single = 0;
      for (int len = Math.min(longest, n - i); len >= 1; len--) {
        if (len == 1 && singleChar[c] != 0) {
          matched = 1;
          single = singleChar[c];
          break;
        }
        String value = table.get(text.substring(i, i + len));
        if (value != null) {
          matched = len;
          replacement = value;
          break;
        }
      }
      if (matched == 0) {
        i += Character.charCount(codePoint);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copiedUpTo, i);
      if (replacement != null) {
        out.append(replacement);
      } else {
        out.append(single);
      }
      i += matched;
      copiedUpTo = i;
    }
    return out == null ? text : out.append(text, copiedUpTo, n).toString();
  }
}
