package org.minsheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.api.support.Fixtures;
import org.minsheng.es.testing.SharedElasticsearch;

/** In-process HTTP against the real Elasticsearch node with fixture documents. */
class DashboardITCase {
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();
  static final ObjectMapper JSON = ApiServer.json();
  static final String TOKEN = "dashboard-itcase-admin-token";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Instant NOW = Instant.now();
  static final Instant BASE = NOW.truncatedTo(ChronoUnit.HOURS);
  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    ES.reset();
    Fixtures.around(NOW).index(ES.client());
    ApiSettings settings = ApiSettings.load(null, Map.of()).withServer("127.0.0.1", 0)
        .withElasticsearchUrl(ES.url()).withAuth(new ApiSettings.Auth("", 10_000, ""));
    server = ApiServer.start(settings, Map.of(ApiServer.DEMO_TOKEN_ENV, TOKEN), true);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody()).build();
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send("GET", path);
    assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static String enc(Object v) {
    return URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8);
  }

  static String window() {
    return "from=" + enc(BASE.minus(12, ChronoUnit.HOURS)) + "&to=" + enc(BASE.plus(1, ChronoUnit.HOURS));
  }

  static JsonNode bucketAt(JsonNode buckets, Instant start) {
    for (JsonNode b : buckets) {
      if (Instant.parse(b.get("start").asText()).equals(start)) {
        return b;
      }
    }
    throw new AssertionError("no bucket at " + start + " in " + buckets);
  }

  @Test
  void healthReportsTheCluster() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode es = JSON.readTree(r.body()).get("elasticsearch");
    assertThat(es.get("reachable").asBoolean()).isTrue();
    assertThat(es.get("status").asText()).isIn("green", "yellow");
  }

  @Test
  void trendBucketsCountVolumeAndSentiment() throws Exception {
    JsonNode r = get("/api/trends?interval=1h&" + window());
    JsonNode buckets = r.get("buckets");
    assertThat(buckets).hasSize(13);
    assertThat(r.get("series").get(0).get("total").asLong()).isEqualTo(15);
    JsonNode p1 = bucketAt(buckets, BASE.minus(10, ChronoUnit.HOURS));
    assertThat(p1.get("volume").asLong()).isEqualTo(1);
    assertThat(p1.get("negative").asLong()).isEqualTo(1);
    assertThat(p1.get("meanSentimentScore").asDouble()).isCloseTo(-0.8, org.assertj.core.data.Offset.offset(1e-6));
    JsonNode two = bucketAt(buckets, BASE.minus(5, ChronoUnit.HOURS)); // p4 (negative) and d6 (positive)
    assertThat(two.get("volume").asLong()).isEqualTo(2);
    assertThat(two.get("negative").asLong()).isEqualTo(1);
    assertThat(two.get("positive").asLong()).isEqualTo(1);
    JsonNode empty = bucketAt(buckets, BASE.minus(9, ChronoUnit.HOURS));
    assertThat(empty.get("volume").asLong()).isZero();
    assertThat(empty.get("meanSentimentScore").isNull()).isTrue();
  }

  @Test
  void keywordsAreSubstringsAndCanBeCompared() throws Exception {
    JsonNode r = get("/api/trends?interval=1h&" + window() + "&q=" + enc("物业费") + "&q=" + enc("地铁 延误|致歉")
        + "&q=" + enc("物业 -维权"));
    assertThat(r.get("series").get(0).get("total").asLong()).isEqualTo(8);
    assertThat(r.get("series").get(1).get("total").asLong()).isEqualTo(4); // d1 d2 d3 d5
    assertThat(r.get("series").get(2).get("total").asLong()).isEqualTo(6); // p1 p2 mention 维权
    JsonNode site = get("/api/trends?interval=1h&" + window() + "&site=news.sina.com.cn&region=" + enc("湖北"));
    assertThat(site.get("series").get(0).get("total").asLong()).isEqualTo(2); // d3 d4
  }

  @Test
  void badParametersAre400s() throws Exception {
    HttpResponse<String> r = send("GET", "/api/trends?from=2026-13-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo("from");
    HttpResponse<String> injection = send("GET", "/api/search?q=" + enc("\"}}],\"query\":{\"match_all\":{}} 物业费"));
    assertThat(injection.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(injection.body()).get("total").asLong()).isZero();
  }

  @Test
  void hotTopicsRankByHeatAndDetailShowsSpread() throws Exception {
    JsonNode hot = get("/api/topics/hot?" + window());
    assertThat(hot.get("items").get(0).get("topicId").asText()).isEqualTo("t-wuye");
    assertThat(hot.get("items").get(1).get("topicId").asText()).isEqualTo("t-ditie");
    JsonNode d = get("/api/topics/t-wuye");
    assertThat(d.get("postCount").asLong()).isEqualTo(8);
    assertThat(d.get("firstPost").get("id").asText()).isEqualTo("p1");
    assertThat(d.get("spread").get(0).get("site").asText()).isEqualTo("weibo.com");
    assertThat(d.get("spread")).hasSize(3);
    assertThat(d.get("repostTree").toString()).contains("\"id\":\"p2\",\"parentId\":\"p1\"");
    assertThat(d.get("repostTree").toString()).doesNotContain("\"id\":\"p7\"");
    assertThat(d.get("keywords").toString()).contains("物业费");
    assertThat(d.get("regions").get(0).get("key").asText()).isEqualTo("广东");
    assertThat(d.get("amplifiers")).isNotEmpty();
    assertThat(send("GET", "/api/topics/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void searchHighlightsAndPages() throws Exception {
    JsonNode r = get("/api/search?q=" + enc("物业费") + "&size=3&page=2&" + window());
    assertThat(r.get("total").asLong()).isEqualTo(8);
    assertThat(r.get("items")).hasSize(3);
    JsonNode all = get("/api/search?q=" + enc("物业费 上涨") + "&region=" + enc("广东") + "&" + window());
    assertThat(all.get("total").asLong()).isEqualTo(5);
    assertThat(all.get("items").get(0).get("titleHighlight").asText()).containsPattern("<mark>[^<]*物业费[^<]*</mark>");
  }

  @Test
  void regionsCountPostsPerProvince() throws Exception {
    JsonNode r = get("/api/regions?" + window());
    assertThat(r.get("items").get(0).get("region").asText()).isEqualTo("湖北");
    assertThat(r.get("items").get(0).get("volume").asLong()).isEqualTo(6);
    assertThat(r.get("items").get(1).get("region").asText()).isEqualTo("广东");
    assertThat(r.get("items").get(1).get("negative").asLong()).isEqualTo(3);
  }

  @Test
  void sourcesShowHealthAndLag() throws Exception {
    JsonNode r = get("/api/sources");
    assertThat(r.get("items")).hasSize(3);
    JsonNode tieba = r.get("items").get(1); // sorted by name: sina-news, tieba-local, weibo-hot
    assertThat(tieba.get("source").asText()).isEqualTo("tieba-local");
    assertThat(tieba.get("healthy").asBoolean()).isFalse();
    assertThat(tieba.get("lagSeconds").asLong()).isGreaterThanOrEqualTo(3 * 3600);
  }

  @Test
  void alertsAreAcknowledgedResolvedAndStreamedLive() throws Exception {
    assertThat(get("/api/alerts?status=new").toString()).contains("alert-wuye-1");
    HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(server.url() + "/api/alerts/stream"))
        .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> stream = HTTP.send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("data:") && line.contains("alert-live-1")) {
            return line;
          }
        }
        return null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Fixtures.indexAlert(ES.client(), Fixtures.alert("alert-live-1", "t-ditie", "地铁延误持续", "III", "黄", "burst",
        "声量突增", Instant.now(), "一小时内帖子数为基线的 4 倍"));
    assertThat(seen.get(20, TimeUnit.SECONDS)).contains("\"levelName\":\"黄\"");
    stream.body().close();

    JsonNode acked = JSON.readTree(send("POST", "/api/alerts/alert-wuye-1/ack").body());
    assertThat(acked.get("status").asText()).isEqualTo("acknowledged");
    assertThat(acked.get("history")).hasSize(2);
    assertThat(acked.get("history").get(1).get("by").asText()).isEqualTo("demo");
    assertThat(send("POST", "/api/alerts/alert-wuye-1/ack").statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(send("POST", "/api/alerts/alert-wuye-1/resolve").body()).get("status").asText())
        .isEqualTo("resolved");
    assertThat(ES.get("minsheng-alerts", "alert-wuye-1").orElseThrow().get("status").asText()).isEqualTo("resolved");
    assertThat(send("POST", "/api/alerts/none/ack").statusCode()).isEqualTo(404);
  }

  @Test
  void briefSaysSoWhenThereIsNoData() throws Exception {
    HttpResponse<String> r = send("GET", "/api/brief?date=2020-01-01");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("舆情日报").contains("没有采集到任何帖子").contains("没有话题数据")
        .contains("没有触发预警").doesNotContain("<table>");
  }

  @Test
  void briefOfAFixtureDayLinksItsPosts() throws Exception {
    LocalDate day = BASE.minus(10, ChronoUnit.HOURS).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    String html = send("GET", "/api/brief?date=" + day + "&download=true").body();
    assertThat(html).contains("当日共采集帖子").contains("/#/search?from=").contains("@media print");
    assertThat(send("GET", "/api/brief?date=" + day + "&download=true").headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).contains("minsheng-brief-" + day + ".html"));
  }

  @Test
  void csvExportOfTrends() throws Exception {
    HttpResponse<String> r = send("GET", "/api/trends?interval=1h&format=csv&" + window());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("\uFEFFq,start,volume").hasLineCount(14);
  }
}
