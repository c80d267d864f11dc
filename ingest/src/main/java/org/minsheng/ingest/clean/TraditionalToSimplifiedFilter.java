package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Traditional → simplified Chinese with HanLP's own conversion tables ({@code data/dictionary/tc/t2s.txt} and the
 * phrase table {@code s2t.txt} read backwards, from the hanlp-portable jar), longest match first, so phrases such as
 * 乾隆 and 著名 keep their characters while 乾淨 → 干净.
 *
 * <p>Why not {@code HanLP.convertToSimplifiedChinese}: it works on HanLP's static, lazily loaded
 * {@code TraditionalChineseDictionary}; the house rule is that HanLP state is instance-held. This filter loads the
 * same tables into its own map (about 57 000 entries, ~60 ms, a few MB), once per chain.
 *
 * <p>Conversion is {@link LongestMatchReplacer}'s (shared with the job's normalise stage): one array read for most
 * characters, otherwise one look-up per key length that starts there (a fuzzing profile showed the old loop, one
 * look-up per length up to the longest key of the table, as a third of the article path's time).
 *
 * <p>Pages already in simplified script are left alone: the conversion runs only when at least
 * {@code minTraditionalShare} (default 0.03) of the Han characters are traditional-only ones, so simplified text with
 * characters that are also traditional keys (著, 乾, 後 in names) is not touched.
 */
public final class TraditionalToSimplifiedFilter implements CleaningFilter {
  private static final String T2S = "data/dictionary/tc/t2s.txt";
  private static final String S2T = "data/dictionary/tc/s2t.txt";
  private final LongestMatchReplacer replacer;
  /** UTF-16 units that the single-character table changes (traditional-only characters of the BMP). */
  private final java.util.BitSet traditional = new java.util.BitSet(Character.MAX_VALUE + 1);
  private double minTraditionalShare = 0.03;

  public TraditionalToSimplifiedFilter() {
    Map<String, String> table = new HashMap<>(100_000);
    load(S2T, true, table);
    load(T2S, false, table);
    table.forEach((k, v) -> {
      if (k.length() == 1 && !k.equals(v)) {
        traditional.set(k.charAt(0));
      }
    });
    replacer = new LongestMatchReplacer(table);
  }

  @Override
  public String name() {
    return "traditional-to-simplified";
  }

  @Override
  public void configure(JsonNode settings) {
    minTraditionalShare = new FilterSettings(name(), settings).number("minTraditionalShare", 0.03);
  }

  private static void load(String resource, boolean reverse, Map<String, String> table) {
    try (InputStream in = TraditionalToSimplifiedFilter.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the classpath (it comes with com.hankcs:hanlp portable)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf('=');
        if (eq <= 0 || eq == line.length() - 1) {
          continue;
        }
        String a = line.substring(0, eq);
        String b = line.substring(eq + 1);
        String key = reverse ? b : a;
        String value = reverse ? a : b;
        if (reverse && key.equals(value)) {
          continue;
        }
        table.put(key, value); // t2s.txt is loaded last: its entries settle characters that s2t.txt reverses ambiguously
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The conversion table (read-only view), for tests. */
  Map<String, String> table() {
    return replacer.table();
  }

  /** Share of Han characters that the single-character table changes. */
  double traditionalShare(String text) {
    int han = 0;
    int trad = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
        if (Character.isBmpCodePoint(cp) ? traditional.get(cp) : changesSupplementary(text.substring(i, i + 2))) {
          trad++;
        }
      }
      i += Character.charCount(cp);
    }
    return han == 0 ? 0 : (double) trad / han;
  }

  private boolean changesSupplementary(String k) {
    String v = replacer.table().get(k);
    return v != null && !v.equals(k);
  }

  @Override
  public String apply(String text) {
    if (traditionalShare(text) < minTraditionalShare) {
      return text;
    }
    return convert(text);
  }

  String convert(String text) {
    return replacer.replace(text);
  }
}
