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
import java.util.Map;
import java.util.TreeMap;
import org.minsheng.es.IndexNames;

/**
 * What the job left in Elasticsearch, in the terms the recovery tests compare: the test's posts, dead letters, every
 * topic's post count and every topic / region trend window's volume (keyword trends are left out: keywords come from
 * document frequencies each subtask learns from the posts it happens to see, which is not checkpointed and differs
 * between any two runs at parallelism 2). Also, from the post documents themselves: how many are originals (not
 * reprints: trend volumes count originals only) and the region windows those originals make, to check the trend
 * windows against.
 */
record Outcome(long posts, long postsWithTopic, long deadLetters, Map<String, Long> topicPosts,
    Map<String, Long> topicOriginals, Map<String, Long> trendVolumes, long originals,
    Map<String, Long> regionWindowsOfPosts) {

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
        + " topic/region trend windows (topic volume " + topicTrendVolume() + ")";
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
          "{\"size\":10000,\"query\":{\"terms\":{\"kind\":[\"topic\",\"region\"]}}}").path("hits").path("hits")) {
        trends.put(h.path("_id").asText(), h.path("_source").path("volume").asLong());
      }
      long originals = 0;
      Map<String, Long> regionWindows = new TreeMap<>();
      for (JsonNode h : post("/" + names.postsAlias() + "/_search?ignore_unavailable=true",
          "{\"size\":10000,\"_source\":[\"region\",\"publishedAt\",\"duplicateOf\"],\"query\":" + RecoveryPosts.REAL
              + "}").path("hits").path("hits")) {
        JsonNode src = h.path("_source");
        if (src.hasNonNull("duplicateOf")) {
          continue;
        }
        originals++;
        long t = java.time.Instant.parse(src.path("publishedAt").asText()).toEpochMilli();
        long start = Math.floorDiv(t, RecoveryPosts.TREND_WINDOW_MS) * RecoveryPosts.TREND_WINDOW_MS;
        regionWindows.merge("region:" + src.path("region").asText() + ":" + start, 1L, Long::sum);
      }
      return new Outcome(countPosts(), count(names.postsAlias(),
          "{\"bool\":{\"filter\":[" + RecoveryPosts.REAL + ",{\"exists\":{\"field\":\"topicId\"}}]}}"),
          count(names.deadLetters(), "{\"match_all\":{}}"), topics, topicOriginals, trends, originals, regionWindows);
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
