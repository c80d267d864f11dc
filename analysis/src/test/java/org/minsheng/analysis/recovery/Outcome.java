package org.minsheng.analysis.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.minsheng.es.IndexNames;

/**
 * What the job left in Elasticsearch, in the terms the recovery tests compare: the test's posts, dead letters, every
 * topic's post count and every topic / region / keyword trend window's volume, each post's topic and keywords, and
 * the alerts (id → rule, scope and level: ids are derived from scope, rule and event time, so an alert fired again by
 * a replay is the same document, and one fired twice or lost shows as a difference).
 * Also, from the post documents themselves: how many are originals (not reprints: trend volumes count originals only)
 * and the region windows those originals make, to check the trend windows against. {@link #differencesFrom} compares
 * a run with a clean run's outcome ({@link CleanRun}).
 */
record Outcome(long posts, long postsWithTopic, long deadLetters, Map<String, Long> topicPosts,
    Map<String, Long> topicOriginals, Map<String, Long> trendVolumes, long originals,
    Map<String, Long> regionWindowsOfPosts, Map<String, String> postTopics, Map<String, List<String>> postKeywords,
    Map<String, String> alerts) {

  /**
   * How this outcome differs from {@code clean} in topics and trends (empty when it does not): the topics and their
   * post and original counts, each post's topic and keywords, each topic, region and keyword trend window's volume
   * (windows with posts: {@link #countedTrendWindows()}). At
   * most {@code max} differences per aspect, each saying what the clean run had.
   */
  List<String> differencesFrom(Outcome clean, int max) {
    List<String> out = new ArrayList<>();
    out.addAll(differences("topic posts+reprints", clean.topicPosts, topicPosts, max));
    out.addAll(differences("topic originals", clean.topicOriginals, topicOriginals, max));
    out.addAll(differences("topic of post", clean.postTopics, postTopics, max));
    out.addAll(differences("keywords of post", clean.postKeywords, postKeywords, max));
    out.addAll(differences("trend window volume", clean.countedTrendWindows(), countedTrendWindows(), max));
    out.addAll(differences("alert", clean.alerts, alerts, max));
    return out;
  }

  /**
   * Trend windows with posts in them. Left out: the empty-window documents (volume 0) the heat scorer writes at the end
   * of a quiet window to show heat falling; which of them exist after a restore differs from a clean run (one more
   * after one story, one fewer after the next, in the first run of this comparison), which is the heat scorer's timer
   * bookkeeping, not a count (docs/RECOVERY.md, "Findings").
   */
  Map<String, Long> countedTrendWindows() {
    Map<String, Long> r = new TreeMap<>();
    trendVolumes.forEach((k, v) -> {
      if (v > 0) {
        r.put(k, v);
      }
    });
    return r;
  }

  private static <V> List<String> differences(String what, Map<String, V> clean, Map<String, V> actual, int max) {
    TreeSet<String> keys = new TreeSet<>(clean.keySet());
    keys.addAll(actual.keySet());
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String k : keys) {
      if (!Objects.equals(clean.get(k), actual.get(k))) {
        if (out.size() < max) {
          out.add(what + " " + k + ": clean run " + clean.get(k) + ", this run " + actual.get(k));
        }
        n++;
      }
    }
    if (n > max) {
      out.add("… and " + (n - max) + " more differences in " + what);
    }
    return out;
  }

  /** Trend windows by kind (topic, region, keyword). */
  Map<String, Long> trendWindowsByKind() {
    Map<String, Long> r = new TreeMap<>();
    trendVolumes.keySet().forEach(k -> r.merge(k.substring(0, k.indexOf(':')), 1L, Long::sum));
    return r;
  }

  /** The region trend windows with posts in them. */
  Map<String, Long> regionWindows() {
    Map<String, Long> r = new TreeMap<>();
    trendVolumes.forEach((k, v) -> {
      if (k.startsWith("region:") && v > 0) {
        r.put(k, v);
      }
    });
    return r;
  }

  /** The sum of the topics' post counts (originals; merged topics counted in their survivor). */
  long topicOriginalSum() {
    return topicOriginals.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sum of the topics' post and reprint counts (merged topics counted in their survivor). */
  long topicPostSum() {
    return topicPosts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sum of the volumes of the topic trend windows. */
  long topicTrendVolume() {
    return trendVolumes.entrySet().stream().filter(e -> e.getKey().startsWith("topic:"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Override
  public String toString() {
    return posts + " posts (" + postsWithTopic + " with a topic), " + deadLetters + " dead letters, " + topicPosts.size()
        + " topics holding " + topicPostSum() + " posts (" + topicOriginalSum() + " originals) " + topicPosts + ", "
        + originals + " original posts, " + trendVolumes.size()
        + " trend windows " + trendWindowsByKind() + " (topic volume " + topicTrendVolume() + "), " + alerts.size()
        + " alerts " + alerts.values();
  }

  /** Reads an Elasticsearch node over HTTP (refreshing first). */
  static final class Reader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final IndexNames names;

    Reader(String url, IndexNames names) {
      this.url = url;
      this.names = names;
    }

    Outcome read() throws IOException, InterruptedException {
      refresh();
      Map<String, Long> topics = new TreeMap<>();
      Map<String, Long> topicOriginals = new TreeMap<>();
      for (JsonNode h : post("/" + names.topics() + "/_search?ignore_unavailable=true",
          "{\"size\":10000,\"query\":{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"mergedInto\"}}}}}")
          .path("hits").path("hits")) {
        topics.put(h.path("_id").asText(), h.path("_source").path("postCount").asLong()
            + h.path("_source").path("reprintCount").asLong());
        topicOriginals.put(h.path("_id").asText(), h.path("_source").path("postCount").asLong());
      }
      Map<String, Long> trends = new TreeMap<>();
      for (JsonNode h : post("/" + names.trends() + "/_search?ignore_unavailable=true",
          "{\"size\":10000,\"query\":{\"terms\":{\"kind\":[\"topic\",\"region\",\"keyword\"]}}}")
          .path("hits").path("hits")) {
        trends.put(h.path("_id").asText(), h.path("_source").path("volume").asLong());
      }
      long originals = 0;
      Map<String, Long> regionWindows = new TreeMap<>();
      Map<String, String> postTopics = new TreeMap<>();
      Map<String, List<String>> postKeywords = new TreeMap<>();
      for (JsonNode h : post("/" + names.postsAlias() + "/_search?ignore_unavailable=true",
          "{\"size\":10000,\"_source\":[\"id\",\"region\",\"publishedAt\",\"duplicateOf\",\"topicId\",\"keywords\"],"
              + "\"query\":" + RecoveryPosts.REAL + "}").path("hits").path("hits")) {
        JsonNode src = h.path("_source");
        String id = src.path("id").asText();
        postTopics.put(id, src.path("topicId").asText(null));
        List<String> keywords = new ArrayList<>();
        src.path("keywords").forEach(k -> keywords.add(k.asText()));
        postKeywords.put(id, keywords);
        if (src.hasNonNull("duplicateOf")) {
          continue;
        }
        originals++;
        long t = java.time.Instant.parse(src.path("publishedAt").asText()).toEpochMilli();
        long start = Math.floorDiv(t, RecoveryPosts.TREND_WINDOW_MS) * RecoveryPosts.TREND_WINDOW_MS;
        regionWindows.merge("region:" + src.path("region").asText() + ":" + start, 1L, Long::sum);
      }
      Map<String, String> alerts = new TreeMap<>();
      for (JsonNode h : post("/" + names.alerts() + "/_search?ignore_unavailable=true",
          "{\"size\":10000,\"_source\":[\"rule\",\"scope\",\"level\"]}").path("hits").path("hits")) {
        JsonNode src = h.path("_source");
        alerts.put(h.path("_id").asText(), src.path("rule").asText() + " " + src.path("scope").path("type").asText()
            + ":" + src.path("scope").path("key").asText() + " " + src.path("level").asText());
      }
      return new Outcome(countPosts(), count(names.postsAlias(),
          "{\"bool\":{\"filter\":[" + RecoveryPosts.REAL + ",{\"exists\":{\"field\":\"topicId\"}}]}}"),
          count(names.deadLetters(), "{\"match_all\":{}}"), topics, topicOriginals, trends, originals, regionWindows,
          postTopics, postKeywords, alerts);
    }

    /** The test's posts in the post indices (refreshing first); -1 when Elasticsearch does not answer. */
    long countPostsOrMinusOne() {
      try {
        refresh();
        return countPosts();
      } catch (IOException | RuntimeException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    /** The test's posts with their topic-stage fields (refreshing first); -1 when Elasticsearch does not answer. */
    long countPostsWithTopicOrMinusOne() {
      try {
        refresh();
        return count(names.postsAlias(),
            "{\"bool\":{\"filter\":[" + RecoveryPosts.REAL + ",{\"exists\":{\"field\":\"topicId\"}}]}}");
      } catch (IOException | RuntimeException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    long countPosts() throws IOException, InterruptedException {
      return count(names.postsAlias(), RecoveryPosts.REAL);
    }

    long deadLetters() throws IOException, InterruptedException {
      refresh();
      return count(names.deadLetters(), "{\"match_all\":{}}");
    }

    private long count(String index, String query) throws IOException, InterruptedException {
      return post("/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true", "{\"query\":" + query + "}")
          .path("count").asLong();
    }

    /** Deletes every index of the prefix (the job re-creates them with their templates when it starts). */
    void deleteIndices() throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/" + names.prefix()
              + "-*?expand_wildcards=all&ignore_unavailable=true&allow_no_indices=true"))
          .timeout(Duration.ofSeconds(60)).DELETE().build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 != 2) {
        throw new IOException("DELETE " + names.prefix() + "-* answered " + r.statusCode() + ": " + r.body());
      }
    }

    void refresh() throws IOException, InterruptedException {
      post("/" + names.prefix() + "-*/_refresh?ignore_unavailable=true&allow_no_indices=true", "");
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 != 2) {
        throw new IOException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    }
  }
}
