package org.minsheng.analysis.heat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pure converter to {@code minsheng-trends} documents (id = {@code <kind>:<key>:<windowStart epoch ms>}). */
public final class TrendDocuments {
  public static final String INDEX = "minsheng-trends";

  private TrendDocuments() {}

  public static String id(TrendRollup r) {
    return r.id();
  }

  public static Map<String, Object> toDocument(TrendRollup r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", r.kind);
    d.put("key", r.key);
    d.put("windowStart", Instant.ofEpochMilli(r.windowStart).toString());
    d.put("windowEnd", Instant.ofEpochMilli(r.windowEnd).toString());
    d.put("volume", r.volume);
    d.put("negative", r.negative);
    d.put("neutral", r.neutral);
    d.put("positive", r.positive);
    d.put("interactions", r.interactions);
    d.put("reach", r.reach);
    d.put("heat", (float) r.heat);
    return d;
  }
}
