package org.minsheng.analysis.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link Alert} into its {@code minsheng-alerts} document (fields in docs/ARCHITECTURE.md). Pure function.
 *
 * <p>The document is also the delivery outbox: every configured channel gets
 * {@code deliveries.<channel> = {state: pending, attempts: 0, idempotencyKey: <alertId>:<level>:<channel>}}. An
 * escalation rewrites the document under the same id with the higher level, status {@code new} again (a more serious
 * alert must be acknowledged again) and fresh pending deliveries whose idempotency keys carry the new level, so the
 * escalation is sent once more and a replay of the same record is not.
 */
public final class AlertDocuments {
  /** The index (or alias) alerts are written to. */
  public static final String INDEX = "minsheng-alerts";

  private AlertDocuments() {}

  public static Map<String, Object> toDocument(Alert a, List<String> channels) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("alertId", a.alertId);
    d.put("rule", a.rule);
    d.put("ruleName", a.ruleName);
    d.put("level", a.level.name());
    d.put("levelName", a.level.chineseName());
    d.put("status", "new");
    d.put("scope", Map.of("type", a.scopeType, "key", a.scopeKey));
    if (a.topicId != null) {
      d.put("topicId", a.topicId);
    }
    d.put("title", a.title);
    d.put("keywords", List.copyOf(a.keywords));
    d.put("reason", a.reason);
    Figures f = a.figures;
    Map<String, Object> fig = new LinkedHashMap<>();
    fig.put("observed", f.observed);
    fig.put("baseline", round(f.baseline));
    fig.put("ratio", round(f.ratio));
    fig.put("zScore", round(f.zScore));
    fig.put("volume", f.volume);
    fig.put("negativeShare", round(f.negativeShare));
    fig.put("baselineNegativeShare", round(f.baselineNegativeShare));
    fig.put("sites", f.sites);
    fig.put("regions", f.regions);
    fig.put("heat", round(f.heat));
    fig.put("windows", f.windows);
    fig.put("windowStart", iso(f.windowStart));
    fig.put("windowEnd", iso(f.windowEnd));
    d.put("figures", fig);
    d.put("firedAt", iso(a.firedAt));
    d.put("updatedAt", iso(a.updatedAt));
    if (a.escalatedAt > 0) {
      d.put("escalatedAt", iso(a.escalatedAt));
    }
    List<Map<String, Object>> posts = new ArrayList<>();
    for (PostRef p : a.topPosts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id);
      m.put("title", p.title);
      m.put("url", p.url);
      m.put("site", p.site);
      posts.add(m);
    }
    d.put("topPosts", posts);
    d.put("sites", List.copyOf(a.sites));
    d.put("regions", List.copyOf(a.regions));
    d.put("dashboardUrl", a.dashboardUrl);
    List<Map<String, Object>> history = new ArrayList<>();
    for (String h : a.history) {
      String[] parts = h.split("\\|", 2);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", iso(Long.parseLong(parts[0])));
      m.put("status", "new");
      m.put("level", parts[1]);
      m.put("by", "job");
      history.add(m);
    }
    d.put("history", history);
    Map<String, Object> deliveries = new LinkedHashMap<>();
    for (String channel : channels) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("state", "pending");
      m.put("attempts", 0);
      m.put("idempotencyKey", idempotencyKey(a, channel));
      deliveries.put(channel, m);
    }
    d.put("deliveries", deliveries);
    return d;
  }

  /**
   * Whether the sink should write this record with {@code op_type=create} (and treat 409 as done) rather than
   * overwrite: true for a new alert, so that a window replayed after a job restart cannot reset an alert the API has
   * acknowledged or deliveries the notifier has completed; false for an escalation, which must replace the document.
   */
  public static boolean createOnly(Alert a) {
    return !a.escalation;
  }

  /** {@code <alertId>:<level>:<channel>}: one delivery per alert, level and channel. */
  public static String idempotencyKey(Alert a, String channel) {
    return a.alertId + ":" + a.level.name() + ":" + channel;
  }

  private static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
