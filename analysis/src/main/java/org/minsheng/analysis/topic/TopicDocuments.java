package org.minsheng.analysis.topic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minsheng.analysis.heat.TopicHeat;

/**
 * Pure converters to {@code minsheng-topics} documents (id = topicId). {@link #toDocument(TopicUpdate)} gives the whole
 * document (the clusterer's fields and, once known, heat, growth and lifecycle); snapshots are cumulative, so
 * re-indexing on replay is idempotent. {@link #toDocument(TopicHeat)} is the heat part alone, for a sink that can
 * apply partial updates.
 */
public final class TopicDocuments {
  public static final String INDEX = "minsheng-topics";

  private TopicDocuments() {}

  public static String id(TopicUpdate u) {
    return u.topicId;
  }

  public static String id(TopicHeat h) {
    return h.topicId;
  }

  public static Map<String, Object> toDocument(TopicUpdate u) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("topicId", u.topicId);
    d.put("title", u.title);
    d.put("keywords", u.keywords);
    d.put("firstPostId", u.firstPostId);
    d.put("representativePostId", u.representativePostId);
    d.put("firstSeen", iso(u.firstSeen));
    d.put("lastSeen", iso(u.lastSeen));
    d.put("updatedAt", iso(u.updatedAt));
    d.put("sites", u.sites);
    d.put("regions", u.regions);
    d.put("postCount", u.postCount);
    d.put("reprintCount", u.reprintCount);
    Map<String, Object> mix = new LinkedHashMap<>();
    mix.put("negative", u.negative);
    mix.put("neutral", u.neutral);
    mix.put("positive", u.positive);
    d.put("sentimentMix", mix);
    d.put("negativeShare", (float) u.negativeShare());
    if (u.mergedInto != null) {
      d.put("mergedInto", u.mergedInto);
    }
    if (u.heat != null) {
      d.put("heat", u.heat.floatValue());
      d.put("growth", u.growth == null ? 0f : u.growth.floatValue());
      d.put("lifecycle", u.lifecycle);
    }
    return d;
  }

  public static Map<String, Object> toDocument(TopicHeat h) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("topicId", h.topicId);
    d.put("heat", (float) h.heat);
    d.put("growth", (float) h.growth);
    d.put("lifecycle", h.lifecycle);
    d.put("updatedAt", iso(h.updatedAt));
    return d;
  }

  static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }
}
