package org.minsheng.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.minsheng.bench.pipeline.EsHttp;
import org.minsheng.post.Post;

/**
 * Watches Elasticsearch for the posts a feeder wrote and records, per post, when it first became searchable.
 *
 * <p>Each {@link #poll()} searches the posts alias for documents whose {@code fetchedAt} (stamped at spool write) is at
 * or after the oldest post not yet seen, pages through them, and for each newly seen post records
 * {@code response time − fetchedAt}: an upper bound of spool → searchable that overstates by at most one poll interval
 * plus the request time. A search sees a document only after a refresh, so this is what a dashboard user would see.
 * Also records {@code indexedAt − fetchedAt} (the sink's stamp, before the bulk request and the refresh) for
 * comparison, and alerts stored in the alerts index.
 */
final class SearchablePoller {
  private static final int PAGE = 5000;

  private final EsHttp es;
  private final String postsAlias;
  private final String alertsIndex;
  private final Instant since;
  private final Map<String, Long> unseen = new ConcurrentHashMap<>();
  private final Map<String, Long> written = new ConcurrentHashMap<>();
  private final Map<String, Long> searchableMs = new HashMap<>();
  private final Map<String, Long> sinkMs = new HashMap<>();
  private final Set<String> alertsSeen = new HashSet<>();
  private final Map<String, Long> alertMs = new HashMap<>();
  /** Watch-list alerts whose triggering post is known: alert id → seen − spool write of that post. */
  private final Map<String, Long> triggeredMs = new HashMap<>();
  /** Alert id → its watch-list rule, for the webhook figures. */
  private final Map<String, String> alertRules = new HashMap<>();
  /** Post id → watch-list rule, for the posts carrying a marker (see {@link MarkerPosts}). */
  private volatile Map<String, String> triggers = Map.of();
  private volatile long lastWrittenMillis;
  /** The injected story whose topic alert is timed, null = none. */
  private volatile TopicBurst story;
  /** First topic alert citing a story post: seen − spool write of the story's root; seen − the alert's firedAt. */
  private Long topicAlertMs;
  private Long topicAlertAfterWindowMs;
  private String topicAlertRule;
  /** Every topic-scoped alert: seen − its firedAt (the end of the window that opened it, event time = spool time). */
  private final Map<String, Long> topicAfterWindowMs = new HashMap<>();

  SearchablePoller(EsHttp es, String postsAlias, String alertsIndex, Instant since) {
    this.es = es;
    this.postsAlias = postsAlias;
    this.alertsIndex = alertsIndex;
    this.since = since;
    this.lastWrittenMillis = since.toEpochMilli();
  }

  /** Called by the feeder for every post handed to the spool writer. */
  void written(Post post) {
    long at = post.fetchedAt().toEpochMilli();
    unseen.put(post.id(), at);
    written.put(post.id(), at);
    lastWrittenMillis = at;
  }

  int unseenCount() {
    return unseen.size();
  }

  int writtenCount() {
    return written.size();
  }

  long[] searchableMillis() {
    return searchableMs.values().stream().mapToLong(Long::longValue).toArray();
  }

  long[] sinkMillis() {
    return sinkMs.values().stream().mapToLong(Long::longValue).toArray();
  }

  long[] alertMillis() {
    return alertMs.values().stream().mapToLong(Long::longValue).toArray();
  }

  void story(TopicBurst burst) {
    this.story = burst;
  }

  Long topicAlertMillis() {
    return topicAlertMs;
  }

  Long topicAlertAfterWindowMillis() {
    return topicAlertAfterWindowMs;
  }

  long[] topicAlertsAfterWindowMillis() {
    return topicAfterWindowMs.values().stream().mapToLong(Long::longValue).toArray();
  }

  String topicAlertRule() {
    return topicAlertRule;
  }

  void triggers(Map<String, String> postToRule) {
    this.triggers = postToRule;
  }

  /**
   * Per marker alert: its latency minus the spool → searchable latency of the post that triggered it, i.e. what the
   * alert path (topic stages' watermark hold, window, detector, alerts sink) adds to the post's own path; only for
   * alerts whose post was seen searchable.
   */
  long[] triggeredAfterSearchableMillis() {
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (Map.Entry<String, Long> e : triggeredMs.entrySet()) {
      String rule = alertRules.get(e.getKey());
      for (Map.Entry<String, String> t : triggers.entrySet()) {
        if (t.getValue().equals(rule) && searchableMs.containsKey(t.getKey())) {
          out.add(e.getValue() - searchableMs.get(t.getKey()));
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  long[] triggeredMillis() {
    return triggeredMs.values().stream().mapToLong(Long::longValue).toArray();
  }

  int triggeredCount() {
    return triggeredMs.size();
  }

  /** Spool write time of the post that triggered {@code rule}'s alert, or null. */
  Long triggerWrittenAt(String rule) {
    for (Map.Entry<String, String> e : triggers.entrySet()) {
      if (e.getValue().equals(rule)) {
        return written.get(e.getKey());
      }
    }
    return null;
  }

  int alertsSeen() {
    return alertsSeen.size();
  }

  /** One round: new searchable posts, then new alerts. */
  void poll() throws Exception {
    long watermark = unseen.values().stream().mapToLong(Long::longValue).min().orElse(lastWrittenMillis);
    JsonNode searchAfter = null;
    while (true) {
      ObjectNode body = EsHttp.json().createObjectNode();
      body.put("size", PAGE).put("track_total_hits", false);
      body.putObject("query").putObject("range").putObject("fetchedAt").put("gte", watermark)
          .put("format", "epoch_millis");
      ArrayNode sort = body.putArray("sort");
      sort.addObject().put("fetchedAt", "asc");
      sort.addObject().put("id", "asc");
      // no stored fields: the id comes back as a sort value and indexedAt from doc values, so that the observer does
      // not make Elasticsearch decompress a stored document per post per poll (at 1,000 posts/s that competed with
      // the indexing it measures)
      body.put("_source", false);
      body.putArray("docvalue_fields").addObject().put("field", "indexedAt").put("format", "epoch_millis");
      if (searchAfter != null) {
        body.set("search_after", searchAfter);
      }
      JsonNode r = es.search(postsAlias, body);
      long now = System.currentTimeMillis();
      if (r == null) {
        return;
      }
      JsonNode hits = r.path("hits").path("hits");
      for (JsonNode hit : hits) {
        String id = hit.path("sort").path(1).asText();
        Long fetched = unseen.remove(id);
        if (fetched != null) {
          searchableMs.put(id, now - fetched);
          JsonNode indexedAt = hit.path("fields").path("indexedAt").path(0);
          if (!indexedAt.isMissingNode() && !indexedAt.isNull()) {
            sinkMs.put(id, (long) Double.parseDouble(indexedAt.asText()) - fetched);
          }
        }
        searchAfter = hit.path("sort");
      }
      if (hits.size() < PAGE) {
        break;
      }
    }
    pollAlerts();
  }

  /**
   * Alerts fired since the run began. A watch-list alert of a marker rule: latency = when the alert was first seen −
   * the spool write time of the one post carrying the rule's marker (the post that triggered it). Any other alert:
   * when first seen − the latest spool write time of the run's posts among its {@code topPosts} (the newest post the
   * alert cites; the post that tipped it over cannot be known from outside).
   */
  private void pollAlerts() throws Exception {
    ObjectNode body = EsHttp.json().createObjectNode();
    body.put("size", 1000);
    body.putObject("query").putObject("range").putObject("firedAt").put("gte", since.toString());
    body.putArray("_source").add("alertId").add("topPosts").add("scope").add("rule").add("firedAt");
    JsonNode r = es.search(alertsIndex, body);
    long now = System.currentTimeMillis();
    if (r == null) {
      return;
    }
    for (JsonNode hit : r.path("hits").path("hits")) {
      String id = hit.path("_id").asText();
      if (!alertsSeen.add(id)) {
        continue;
      }
      JsonNode scope = hit.path("_source").path("scope");
      if ("watchlist".equals(scope.path("type").asText())) {
        Long at = triggerWrittenAt(scope.path("key").asText());
        if (at != null) {
          triggeredMs.put(id, now - at);
          alertRules.put(id, scope.path("key").asText());
          continue;
        }
      }
      if ("topic".equals(scope.path("type").asText())) {
        topicAfterWindowMs.put(id, now - Instant.parse(hit.path("_source").path("firedAt").asText()).toEpochMilli());
      }
      if ("topic".equals(scope.path("type").asText()) && topicAlertMs == null && citesStory(hit)) {
        Long rootAt = written.get(story.rootId());
        if (rootAt != null) {
          topicAlertMs = now - rootAt;
          topicAlertAfterWindowMs = now - Instant.parse(hit.path("_source").path("firedAt").asText()).toEpochMilli();
          topicAlertRule = hit.path("_source").path("rule").asText();
        }
      }
      long newest = -1;
      for (JsonNode top : hit.path("_source").path("topPosts")) {
        Long at = written.get(top.path("id").asText());
        if (at != null) {
          newest = Math.max(newest, at);
        }
      }
      if (newest > 0) {
        alertMs.put(id, now - newest);
      }
    }
  }

  private boolean citesStory(JsonNode hit) {
    TopicBurst b = story;
    if (b == null || b.rootId() == null) {
      return false;
    }
    for (JsonNode top : hit.path("_source").path("topPosts")) {
      if (b.ids().contains(top.path("id").asText())) {
        return true;
      }
    }
    return false;
  }
}
