package org.minsheng.analysis.dedup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pure converter of {@link ReprintUpdate} to a partial update of the original's post document: the concrete monthly
 * index ({@code minsheng-posts-YYYY.MM}, month of the original's {@code publishedAt}, UTC) and two fields added to the
 * post document: {@code reprintCount} (long) and {@code reprintSites} (keyword[]).
 */
public final class ReprintDocuments {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private ReprintDocuments() {}

  public static String index(ReprintUpdate u) {
    return index("minsheng-posts", u);
  }

  /** @param posts the posts alias, e.g. {@code IndexNames.posts()}: monthly indices are {@code <posts>-YYYY.MM} */
  public static String index(String posts, ReprintUpdate u) {
    return posts + "-" + MONTH.format(Instant.ofEpochMilli(u.originalTime));
  }

  public static String id(ReprintUpdate u) {
    return u.originalId;
  }

  public static Map<String, Object> toPartialDocument(ReprintUpdate u) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reprintCount", u.reprintCount);
    d.put("reprintSites", u.reprintSites);
    return d;
  }
}
