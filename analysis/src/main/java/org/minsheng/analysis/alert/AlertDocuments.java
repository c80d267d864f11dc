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
 * {@code deliveries.<channel> = {state: pending, attempts: 0, idempotencyKey: <alertId>:<level>:<channel>}}.
 *
 * <p><b>Who owns what.</b> A new alert is created whole ({@code op_type=create}: a replay after a restart never resets
 * it). After that the job owns only its own fields ({@link #JOB_FIELDS}, and the delivery entries of the level it
 * raises); the API owns {@code status} and the lifecycle
 * entries of {@code history} (acknowledged / resolved, by whom). The job's own timeline is {@code firings}
 * ({@code fired}, then {@code escalated from III 黄 to II 橙}), which only the job writes. An escalation is a partial
 * update ({@link #escalationMerge}) of the job's fields that sets {@code status} back to {@code new} (a more serious
 * alert must be seen and acknowledged again) and replaces each channel's delivery with a fresh pending one whose
 * idempotency key carries the new level, so each channel gets the escalation once; the lifecycle entries the API
 * appended to {@code history} are kept. (Elasticsearch has no painless here, so this cannot be a conditional script:
 * see docs/ALERTS.md §4 for what a replayed escalation does.)
 */
public final class AlertDocuments {
  /** The index (or alias) alerts are written to. */
  public static final String INDEX = "minsheng-alerts";
  private static final String EPOCH = Instant.EPOCH.toString();

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
    List<Map<String, Object>> firings = new ArrayList<>();
    String previous = null;
    for (String h : a.history) {
      String[] parts = h.split("\\|", 2);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", iso(Long.parseLong(parts[0])));
      m.put("status", "new");
      m.put("level", parts[1]);
      m.put("by", "job");
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", m.get("at"));
      e.put("level", parts[1]);
      if (previous == null) {
        m.put("action", "fired");
        e.put("action", "fired");
        history.add(m);
      } else {
        e.put("action", "escalated");
        e.put("fromLevel", previous);
        e.put("note", escalationNote(previous, parts[1]));
      }
      firings.add(e);
      previous = parts[1];
    }
    d.put("firings", firings);
    d.put("history", history);
    Map<String, Object> deliveries = new LinkedHashMap<>();
    for (String channel : channels) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("state", "pending");
      m.put("attempts", 0);
      m.put("idempotencyKey", idempotencyKey(a, channel));
      // "none" as "" / the epoch (the notifier's convention): a merge then clears the previous level's lease,
      // back-off and outcome instead of keeping them
      m.put("lastError", "");
      m.put("deliveredAt", "");
      m.put("nextAttemptAt", EPOCH);
      m.put("leaseUntil", EPOCH);
      m.put("owner", "");
      deliveries.put(channel, m);
    }
    d.put("deliveries", deliveries);
    // indexed (deliveries is not): the notifier looks only at alerts with one of its channels pending
    d.put("pendingChannels", List.copyOf(channels));
    return d;
  }

  /**
   * Whether the sink should write this record with {@code op_type=create} (and treat 409 as done): true for a new
   * alert, so that a window replayed after a job restart cannot reset an alert the API has acknowledged or deliveries
   * the notifier has completed; false for an escalation, which is merged with {@link #escalationMerge}.
   */
  public static boolean createOnly(Alert a) {
    return !a.escalation;
  }

  /**
   * Fields an escalation overwrites: the job's figures and content. Not among them: {@code status} (set back to
   * {@code new}, see {@link #escalationMerge}), {@code history} (the API's lifecycle), {@code alertId}, {@code rule},
   * {@code scope}, {@code firedAt} (fixed).
   */
  public static final List<String> JOB_FIELDS = List.of("level", "levelName", "title", "keywords", "reason", "figures",
      "updatedAt", "escalatedAt", "topPosts", "sites", "regions", "dashboardUrl", "topicId", "firings");

  /**
   * The partial document of an escalation, merged into the stored alert ({@code update} + {@code doc_as_upsert}; the
   * whole document when the alert's creation never reached the index): {@link #JOB_FIELDS}, {@code status: new} and,
   * per channel, a fresh pending delivery whose idempotency key carries the new level. Every field of a delivery
   * entry is written ("none" as {@code ""} or the epoch), so nothing of the previous level's delivery (a lease, a
   * back-off, {@code deliveredAt}) survives the merge. {@code history} is not written: the acknowledgements the API
   * recorded there stay; the escalation shows in {@code firings}, {@code level}, {@code escalatedAt} and the status.
   */
  public static Map<String, Object> escalationMerge(Alert a, List<String> channels) {
    Map<String, Object> doc = toDocument(a, channels);
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("alertId", doc.get("alertId"));
    partial.put("rule", doc.get("rule"));
    partial.put("ruleName", doc.get("ruleName"));
    partial.put("scope", doc.get("scope"));
    partial.put("firedAt", doc.get("firedAt"));
    for (String f : JOB_FIELDS) {
      if (doc.containsKey(f)) {
        partial.put(f, doc.get(f));
      }
    }
    partial.put("status", "new");
    partial.put("deliveries", doc.get("deliveries"));
    partial.put("pendingChannels", doc.get("pendingChannels"));
    return partial;
  }

  /** {@code escalated from III 黄 to II 橙}. */
  static String escalationNote(String fromLevel, String toLevel) {
    return "escalated from " + fromLevel + " " + AlertLevel.valueOf(fromLevel).chineseName() + " to " + toLevel + " "
        + AlertLevel.valueOf(toLevel).chineseName();
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
