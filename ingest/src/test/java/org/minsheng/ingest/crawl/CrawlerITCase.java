package org.minsheng.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.ingest.source.SourceHealth;
import org.minsheng.ingest.testing.FixtureServer;
import org.minsheng.ingest.testing.Fixtures;
import org.minsheng.post.Post;

/** The crawler in-process against fixture sites: Weibo search with reposts and long text, blocks, health documents. */
class CrawlerITCase {
  @TempDir
  Path dir;

  private static String weiboResource(String name) {
    return new String(Fixtures.resource("weibo/" + name), StandardCharsets.UTF_8);
  }

  @Test
  void weiboCrawlFollowsRepostsAndLongTextsThenABlockPausesTheSourceAndIsReported() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      server.route("/robots.txt", (ex, hit) -> FixtureServer.send(ex, 404, "text/plain", new byte[0]));
      server.route("/weibo/api/container/getIndex", (ex, hit) -> {
        String q = ex.getRequestURI().getRawQuery();
        boolean cookie = "SUB=ok".equals(ex.getRequestHeaders().getFirst("Cookie"));
        String body = !cookie ? weiboResource("block-captcha.json")
            : q.contains("page=1") ? weiboResource("search-page1.json")
            : "{\"ok\":0,\"msg\":\"这里还没有内容\",\"data\":{}}";
        FixtureServer.send(ex, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
      });
      server.route("/weibo/statuses/extend", FixtureServer.text("application/json", weiboResource("extend.json")));
      server.route("/weibo/api/statuses/repostTimeline", FixtureServer.text("application/json",
          "{\"ok\":1,\"data\":{\"max\":1,\"data\":[{\"id\":\"5012345678909999\",\"created_at\":\"Sat Nov 21 12:30:00 +0800 2026\","
              + "\"text\":\"转发：注意安全\",\"region_name\":\"发布于 上海\",\"user\":{\"id\":3,\"screen_name\":\"转发者\"},"
              + "\"retweeted_status\":{\"id\":\"5012345678900001\",\"text\":\"城南暴雨积水严重，有车辆被淹\",\"created_at\":\"Sat Nov 21 09:00:00 +0800 2026\",\"user\":{\"id\":999}}}]}}"));
      server.route("/_es/minsheng-sources/_doc/wb-ok", (ex, hit) -> {
        esDocs.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        FixtureServer.send(ex, 201, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
      });
      String yaml = "sources:\n"
          + "  - {name: wb-ok, type: weibo, urls: [\"" + server.base() + "/weibo\"], keywords: [暴雨], cookie: \"SUB=ok\", maxPages: 2}\n"
          + "  - {name: wb-blocked, type: weibo, urls: [\"" + server.base() + "/weibo\"], keywords: [停电], cookieEnv: NO_SUCH_COOKIE, blockBackoff: PT10M}\n";
      CrawlConfig cfg = CrawlConfig.load(null, Map.of()).withSources(CrawlConfig.parseSources(yaml))
          .withFetch(Fixtures.fastFetch()).withStore(dir.resolve("c.mv.db"), dir.resolve("spool"))
          .withElasticsearch(server.base() + "/_es");
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(dir.resolve("spool"), 1000, Duration.ofSeconds(5))) {
        Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
        assertThat(crawler.runOnce(Duration.ofSeconds(60))).isTrue();
        Map<String, SourceHealth> health = new java.util.HashMap<>();
        crawler.health().forEach(h -> health.put(h.source(), h));
        SourceHealth blocked = health.get("wb-blocked");
        assertThat(blocked.healthy()).isFalse();
        assertThat(blocked.blocked()).isEqualTo(1);
        assertThat(blocked.reason()).contains("ok:-100");
        assertThat(server.log().stream().filter(l -> l.contains("%E5%81%9C%E7%94%B5")).count())
            .as("a blocked source is not hammered").isEqualTo(1);
        SourceHealth ok = health.get("wb-ok");
        assertThat(ok.healthy()).isTrue();
        assertThat(ok.posts()).isEqualTo(6);
        assertThat(ok.lastSuccess()).isNotNull();
      }
      List<Post> posts = org.minsheng.ingest.testing.SpoolReader.posts(dir.resolve("spool"));
      assertThat(posts).extracting(Post::id).doesNotHaveDuplicates().contains("weibo:5012345678909999", "weibo:5012345678901301");
      Post repost = posts.stream().filter(p -> p.id().equals("weibo:5012345678909999")).findFirst().orElseThrow();
      assertThat(repost.parentId()).isEqualTo("weibo:5012345678900001");
      assertThat(repost.region()).isEqualTo("上海");
      assertThat(posts.stream().filter(p -> p.id().equals("weibo:5012345678901301")).findFirst().orElseThrow().text())
          .contains("加强排水设施建设");
      assertThat(esDocs).isNotEmpty();
      JsonNode doc = new ObjectMapper().readTree(esDocs.get(esDocs.size() - 1));
      assertThat(doc.path("source").asText()).isEqualTo("wb-ok");
      assertThat(doc.path("posts").asLong()).isEqualTo(6);
      assertThat(doc.path("healthy").asBoolean()).isTrue();
      assertThat(doc.has("updatedAt")).isTrue();
      // the blocked page is still queued for later: nothing lost
      try (var store = new org.minsheng.ingest.frontier.CrawlStore(dir.resolve("c.mv.db"))) {
        assertThat(store.queuedCount()).isEqualTo(1);
      }
    }
  }

  private final List<String> esDocs = new CopyOnWriteArrayList<>();

  @Test
  void continuousModePollsSeedsAgainAndPicksUpNewItemsWithConditionalGets() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      server.route("/robots.txt", FixtureServer.text("text/plain", "User-agent: *\nAllow: /\n"));
      java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger(2);
      server.route("/rss.xml", (ex, hit) -> {
        String etag = "\"v" + published.get() + "\"";
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
        StringBuilder rss = new StringBuilder("<rss><channel>");
        for (int i = 1; i <= published.get(); i++) {
          rss.append("<item><title>快讯").append(i).append("</title><description>第").append(i)
              .append("条快讯：城区道路积水，请注意绕行。</description><pubDate>Sat, 21 Nov 2026 09:0").append(i % 10)
              .append(":00 +0800</pubDate></item>");
        }
        ex.getResponseHeaders().set("ETag", etag);
        FixtureServer.send(ex, 200, "application/rss+xml", rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
      });
      String yaml = "sources:\n  - {name: poll, type: rss, urls: [\"" + server.base() + "/rss.xml\"], refresh: PT0.2S}\n";
      CrawlConfig cfg = CrawlConfig.load(null, Map.of()).withSources(CrawlConfig.parseSources(yaml))
          .withFetch(Fixtures.fastFetch()).withStore(dir.resolve("p.mv.db"), dir.resolve("spool"));
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
        Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
        crawler.start(false);
        try {
          waitFor(() -> crawler.health().get(0).posts() == 2);
          waitFor(() -> crawler.health().get(0).skippedByReason().getOrDefault("not modified", 0L) >= 2);
          published.set(5);
          waitFor(() -> crawler.health().get(0).posts() == 5);
        } finally {
          crawler.stop();
        }
      }
      assertThat(org.minsheng.ingest.testing.SpoolReader.posts(dir.resolve("spool"))).extracting(Post::platform)
          .hasSize(5).containsOnly("feed");
    }
  }

  @Test
  void aForbiddenEntryPointBlocksTheSourceButAForbiddenArticleIsASkip() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      server.route("/robots.txt", FixtureServer.text("text/plain", "User-agent: *\nAllow: /\n"));
      server.route("/waf/rss.xml", (ex, hit) -> FixtureServer.send(ex, 403, "text/html", "forbidden".getBytes(StandardCharsets.UTF_8)));
      server.route("/ok/rss.xml", FixtureServer.text("application/rss+xml",
          "<rss><channel><item><title>t</title><link>" + server.base() + "/ok/private.html</link></item></channel></rss>"));
      server.route("/ok/private.html", (ex, hit) -> FixtureServer.send(ex, 403, "text/html", "no".getBytes(StandardCharsets.UTF_8)));
      String yaml = "sources:\n  - {name: waf, type: rss, urls: [\"" + server.base() + "/waf/rss.xml\"]}\n"
          + "  - {name: ok, type: rss, urls: [\"" + server.base() + "/ok/rss.xml\"]}\n";
      CrawlConfig cfg = CrawlConfig.load(null, Map.of()).withSources(CrawlConfig.parseSources(yaml))
          .withFetch(Fixtures.fastFetch()).withStore(dir.resolve("w.mv.db"), dir.resolve("spool"));
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
        Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
        assertThat(crawler.runOnce(Duration.ofSeconds(60))).isTrue();
        Map<String, SourceHealth> health = new java.util.HashMap<>();
        crawler.health().forEach(h -> health.put(h.source(), h));
        assertThat(health.get("waf").blocked()).isEqualTo(1);
        assertThat(health.get("waf").reason()).contains("403");
        assertThat(health.get("ok").healthy()).isTrue();
        assertThat(health.get("ok").skippedByReason()).containsEntry("HTTP 403", 1L);
      }
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aCleanStopMidCrawlThenARestartHandsEveryPostOverOnce() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      org.minsheng.ingest.testing.FixtureSites.install(server, 10);
      Path cfgFile = dir.resolve("c.yaml");
      Files.writeString(cfgFile, org.minsheng.ingest.testing.FixtureSites.config(server, dir.resolve("s.mv.db").toString(),
          dir.resolve("spool").toString(), "PT0.01S"), StandardCharsets.UTF_8);
      CrawlConfig cfg = CrawlConfig.load(cfgFile, Map.of());
      for (int round = 0; round < 3; round++) {
        try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
          Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
          crawler.start(false);
          Thread.sleep(300);
          crawler.stop();
        }
      }
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
        assertThat(new Crawler(cfg, spool, Clock.systemUTC(), Map.of()).runOnce(Duration.ofSeconds(60))).isTrue();
      }
      List<Post> posts = org.minsheng.ingest.testing.SpoolReader.posts(dir.resolve("spool"));
      assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
      assertThat(posts).hasSize(org.minsheng.ingest.testing.FixtureSites.expectedPosts());
    }
  }

  @Test
  void configFileWithUnknownSourceFieldIsRejectedWithItsName() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "sources:\n  - {name: x, type: rss, urls: [\"http://a/\"], colour: red}\n", StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrawlConfig.load(f, Map.of()))
        .hasMessageContaining("colour");
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "crawl:\n  thread: 3\n", StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrawlConfig.load(typo, Map.of()))
        .hasMessageContaining("crawl.thread");
  }
}
