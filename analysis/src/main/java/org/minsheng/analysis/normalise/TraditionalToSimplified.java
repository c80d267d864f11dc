package org.minsheng.analysis.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Traditional → simplified Chinese conversion with HanLP's own table ({@code data/dictionary/tc/t2s.txt} inside the
 * {@code hanlp-portable} jar: about 4,200 characters and 270 phrases such as {@code 著名=著名}), loaded into a map held by
 * this instance. HanLP's {@code HanLP.convertToSimplifiedChinese} does the same longest-match walk over the same file, but
 * through a static trie; holding our own copy keeps every operator independent of HanLP's static state.
 *
 * <p>Conversion is forward longest match: at each position the longest table key that starts there is replaced by its
 * value; characters without an entry are copied. Immutable after construction, so safe to share between threads,
 * though the job still creates one per operator in {@code open()}.
 */
public final class TraditionalToSimplified {
  /** Classpath location of HanLP's table in the portable jar. */
  public static final String HANLP_T2S_RESOURCE = "data/dictionary/tc/t2s.txt";

  private final Map<String, String> table;
  /**
   * Length (in chars) of the longest key starting with a given BMP char, 0 when none does (capped at 127: no key is
   * near that long); keys starting outside the BMP are in {@link #longestOutsideBmp}.
   */
  private final byte[] longestByFirstChar = new byte[Character.MAX_VALUE + 1];
  private final Map<Integer, Integer> longestOutsideBmp;
  /** The replacement of a one-char key when it is a single char, 0 otherwise (then {@link #table} answers). */
  private final char[] singleChar = new char[Character.MAX_VALUE + 1];

  public TraditionalToSimplified(Map<String, String> table) {
    Objects.requireNonNull(table, "table");
    this.table = Map.copyOf(table);
    Map<Integer, Integer> outside = new HashMap<>();
    for (Map.Entry<String, String> e : table.entrySet()) {
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

  /** Loads HanLP's bundled t2s table from the classpath. */
  public static TraditionalToSimplified fromHanLp() {
    ClassLoader loader = TraditionalToSimplified.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(HANLP_T2S_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(HANLP_T2S_RESOURCE + " not on the classpath: is com.hankcs:hanlp:portable on it?");
      }
      return new TraditionalToSimplified(parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + HANLP_T2S_RESOURCE, e);
    }
  }

  /** Reads {@code traditional=simplified} lines; blank lines and lines without '=' are skipped. */
  static Map<String, String> parse(InputStream in) throws IOException {
    Map<String, String> table = new HashMap<>(8192);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean first = true;
      while ((line = reader.readLine()) != null) {
        if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        first = false;
        int eq = line.indexOf('=');
        if (eq <= 0 || eq == line.length() - 1) {
          continue;
        }
        String from = line.substring(0, eq);
        String to = line.substring(eq + 1).strip();
        if (!to.isEmpty()) {
          table.put(from, to);
        }
      }
    }
    return table;
  }

  /** Number of table entries. */
  public int size() {
    return table.size();
  }

  public String convert(String text) {
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
    if (out == null) {
      return text;
    }
    return out.append(text, copiedUpTo, n).toString();
  }
}
