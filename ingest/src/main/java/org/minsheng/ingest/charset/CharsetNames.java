package org.minsheng.ingest.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps charset labels found in headers, meta tags and detector output to the Java charset we decode with.
 *
 * <p>Chinese labels are widened to their supersets: {@code gb2312}, {@code gbk}, {@code x-gbk}, {@code cp936},
 * {@code euc-cn}, {@code hz-gb-2312} → GB18030 (on OpenJDK 17 {@code new String(bytes, "GB2312")} turns GBK-only
 * characters such as 镕 into U+FFFD); {@code big5} → Big5-HKSCS (what browsers use for {@code big5}, a superset
 * holding the Hong Kong characters).
 *
 * <p>Any other label is looked up in a table of the JVM's charsets (names and aliases, lower case) built once when
 * the class loads. {@code Charset.forName} on a label it does not know scans every jar's
 * {@code META-INF/services} for charset providers on each call (milliseconds per page with a made-up
 * {@code <meta charset>}, found by profiling the news fuzz target).
 */
public final class CharsetNames {
  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset BIG5 = Charset.forName("Big5-HKSCS");
  private static final Map<String, Charset> BY_LABEL = byLabel();

  private CharsetNames() {}

  /** The charset to decode with for {@code label}, or empty when the label is unknown or unsupported. */
  public static Optional<Charset> forLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String l = label.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
    if (l.isEmpty()) {
      return Optional.empty();
    }
    switch (l) {
      case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "gb_2312-80", "csgb2312", "gb18030",
          "hz-gb-2312", "x-euc-cn", "chinese", "iso-ir-58" -> {
        return Optional.of(GB18030);
      }
      case "big5", "big-5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950", "x-windows-950", "ms950" -> {
        return Optional.of(BIG5);
      }
      case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8" -> {
        return Optional.of(StandardCharsets.UTF_8);
      }
      default -> {
        return Optional.ofNullable(BY_LABEL.get(l));
      }
    }
  }

  private static Map<String, Charset> byLabel() {
    Map<String, Charset> m = new HashMap<>();
    for (Charset c : Charset.availableCharsets().values()) {
      m.put(c.name().toLowerCase(Locale.ROOT), c);
      for (String alias : c.aliases()) {
        m.putIfAbsent(alias.toLowerCase(Locale.ROOT), c);
      }
    }
    return Map.copyOf(m);
  }
}
