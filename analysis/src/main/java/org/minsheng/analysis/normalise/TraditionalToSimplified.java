package org.minsheng.analysis.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.minsheng.text.LongestMatchReplacer;

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

  private final LongestMatchReplacer replacer;

  public TraditionalToSimplified(Map<String, String> table) {
    this.replacer = new LongestMatchReplacer(table);
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
    return replacer.table().size();
  }

  public String convert(String text) {
    return replacer.replace(text);
  }
}
