package org.minsheng.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.crawl.Extraction;
import org.minsheng.ingest.testing.FixtureServer;
import org.minsheng.ingest.testing.Fixtures;

/** Live HTTP behaviour of the one fetcher against fixture routes on 127.0.0.1. */
class PoliteFetcherITCase {
  private FixtureServer server;
  private PoliteFetcher fetcher;

  @BeforeEach
  void setUp() throws IOException {
    server = new FixtureServer();
    server.route("/robots.txt", FixtureServer.text("text/plain", "User-agent: *\nDisallow: /private/\n"));
    server.route("/ok", FixtureServer.text("text/html; charset=utf-8", "<html><body>好</body></html>"));
    fetcher = new PoliteFetcher(Fixtures.fastFetch());
  }

  @AfterEach
  void tearDown() {
    fetcher.close();
    server.close();
  }

  private FetchResult get(String path) throws InterruptedException {
    return fetcher.fetch(FetchRequest.get(server.base() + path));
  }

  @Test
  void robotsDisallowIsObeyedWithoutTouchingThePage() throws Exception {
    server.route("/private/secret", FixtureServer.text("text/html", "secret"));
    FetchResult r = get("/private/secret");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.DISALLOWED);
    assertThat(server.hits("/private/secret")).isZero();
    assertThat(get("/ok").outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(server.hits("/robots.txt")).as("robots.txt cached").isEqualTo(1);
  }

  @Test
  void retryAfterOn429IsHonoured() throws Exception {
    server.route("/limited", (ex, hit) -> {
      if (hit == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        FixtureServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
      } else {
        FixtureServer.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
      }
    });
    FetchResult r = get("/limited");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.attempts()).isEqualTo(2);
    List<Long> t = server.times("/limited");
    assertThat(Duration.ofNanos(t.get(1) - t.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void retryAfterLongerThanAllowedIsABlockNotAWait() throws Exception {
    server.route("/banned", (ex, hit) -> {
      ex.getResponseHeaders().set("Retry-After", "3600");
      FixtureServer.send(ex, 429, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
    });
    long start = System.nanoTime();
    FetchResult r = get("/banned");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.BLOCKED);
    assertThat(r.reason()).contains("Retry-After 3600");
    assertThat(server.hits("/banned")).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void a503BurstIsRetriedWithBackoffThenSucceeds() throws Exception {
    server.route("/flaky", (ex, hit) -> FixtureServer.send(ex, hit <= 2 ? 503 : 200, "text/html",
        "<p>x</p>".getBytes(StandardCharsets.UTF_8)));
    FetchResult r = get("/flaky");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.attempts()).isEqualTo(3);
    List<Long> t = server.times("/flaky");
    assertThat(Duration.ofNanos(t.get(2) - t.get(1))).as("second backoff").isGreaterThanOrEqualTo(Duration.ofMillis(19));
  }

  @Test
  void persistent503GivesUpAfterMaxRetries() throws Exception {
    server.route("/down", (ex, hit) -> FixtureServer.send(ex, 503, "text/html", "down".getBytes(StandardCharsets.UTF_8)));
    FetchResult r = get("/down");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
    assertThat(server.hits("/down")).isEqualTo(4);
    assertThat(r.reason()).contains("503");
  }

  @Test
  void redirectChainsAreFollowedAndLoopsAndLongChainsStopped() throws Exception {
    server.route("/r1", FixtureServer.redirect(301, "/r2"));
    server.route("/r2", FixtureServer.redirect(302, server.base() + "/ok"));
    FetchResult chain = get("/r1");
    assertThat(chain.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(chain.finalUri().toString()).isEqualTo(server.base() + "/ok");

    server.route("/loopA", FixtureServer.redirect(301, "/loopB"));
    server.route("/loopB", FixtureServer.redirect(301, "/loopA"));
    FetchResult loop = get("/loopA");
    assertThat(loop.outcome()).isEqualTo(FetchOutcome.REDIRECT_LOOP);
    assertThat(server.hits("/loopA")).isEqualTo(1);

    for (int i = 0; i < 6; i++) {
      server.route("/c" + i, FixtureServer.redirect(301, "/c" + (i + 1)));
    }
    server.route("/c6", FixtureServer.text("text/html", "end"));
    assertThat(get("/c0").outcome()).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
    assertThat(server.hits("/c5")).isZero();
  }

  @Test
  void a50MegabytePageIsAbortedEarly() throws Exception {
    AtomicLong written = new AtomicLong();
    server.route("/huge", (ex, hit) -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
      byte[] chunk = "<p>很长的页面</p>".repeat(4000).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = ex.getResponseBody()) {
        while (written.get() < 50L * 1024 * 1024) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      }
    });
    long start = System.nanoTime();
    FetchResult r = get("/huge");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    assertThat(r.body()).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    Thread.sleep(200);
    assertThat(written.get()).as("server stopped well before 50 MB").isLessThan(20L * 1024 * 1024);

    server.route("/declared", (ex, hit) -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 50L * 1024 * 1024);
      ex.getResponseBody().write(new byte[1024]);
    });
    FetchResult declared = get("/declared");
    assertThat(declared.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    assertThat(declared.reason()).contains("Content-Length");
  }

  @Test
  void binaryServedAsHtmlIsRejected() throws Exception {
    byte[] png = new byte[256];
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[2] = 'N';
    png[3] = 'G';
    server.route("/image", FixtureServer.bytes("text/html; charset=utf-8", png));
    FetchResult r = get("/image");
    assertThat(r.outcome()).isEqualTo(FetchOutcome.NOT_TEXT);
    assertThat(r.reason()).contains("PNG").contains("text/html");
    server.route("/zip", FixtureServer.bytes("application/zip", new byte[] {'P', 'K', 3, 4}));
    assertThat(get("/zip").outcome()).isEqualTo(FetchOutcome.NOT_TEXT);
  }

  @Test
  void blockAnswersAreRecognised() throws Exception {
    server.route("/teapot", (ex, hit) -> FixtureServer.send(ex, 418, "text/plain", new byte[0]));
    server.route("/nocookie", (ex, hit) -> FixtureServer.send(ex, 432, null, new byte[0]));
    server.route("/wall", FixtureServer.redirect(302, "/visitor/visitor?a=enter"));
    assertThat(get("/teapot").outcome()).isEqualTo(FetchOutcome.BLOCKED);
    assertThat(get("/nocookie").reason()).contains("432");
    FetchResult wall = get("/wall");
    assertThat(wall.outcome()).isEqualTo(FetchOutcome.BLOCKED);
    assertThat(wall.reason()).contains("login/visitor wall");
    assertThat(server.hits("/teapot")).as("a block is not retried").isEqualTo(1);
  }

  @Test
  void conditionalGetUsesValidators() throws Exception {
    server.route("/feed", (ex, hit) -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      if ("\"v1\"".equals(inm)) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().set("ETag", "\"v1\"");
        FixtureServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
      }
    });
    FetchResult first = get("/feed");
    assertThat(first.etag()).isEqualTo("\"v1\"");
    FetchResult second = fetcher.fetch(new FetchRequest(first.finalUri(), java.util.Map.of(), first.etag(), null));
    assertThat(second.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
  }

  @Test
  void requestsToOneHostAreSpacedByTheHostDelay() throws Exception {
    try (PoliteFetcher slow = new PoliteFetcher(Fixtures.fastFetch().withHostDelay(Duration.ofMillis(150)))) {
      for (int i = 0; i < 3; i++) {
        assertThat(slow.fetch(FetchRequest.get(server.base() + "/ok")).ok()).isTrue();
      }
    }
    List<Long> t = server.times("/ok");
    for (int i = 1; i < t.size(); i++) {
      assertThat(Duration.ofNanos(t.get(i) - t.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }
  }

  @Test
  void gbkAndBig5PagesWithoutCharsetHeadersDecode() throws Exception {
    String gbkHtml = "<html><head><title>暴雨导致地铁停运</title></head><body><p>今晨暴雨，多条线路停运，市民出行受阻。镕瑢</p></body></html>";
    String big5Html = "<html><head><title>颱風登陸</title></head><body><p>颱風今晨登陸，多區停電，居民請注意安全。</p></body></html>";
    server.route("/gbk", FixtureServer.encoded("text/html", gbkHtml, Charset.forName("GB18030")));
    server.route("/big5", FixtureServer.encoded("text/html", big5Html, Charset.forName("Big5")));
    FetchResult g = get("/gbk");
    FetchResult b = get("/big5");
    assertThat(Extraction.defaults().decoder().decode(g.body(), g.contentType()).html()).contains("多条线路停运").contains("镕瑢");
    assertThat(Extraction.defaults().decoder().decode(b.body(), b.contentType()).html()).contains("多區停電");
  }

  @Test
  void unreachableRobotsTxtDefersTheHostInsteadOfSkippingThePage() throws Exception {
    try (FixtureServer down = new FixtureServer()) {
      down.route("/robots.txt", (ex, hit) -> FixtureServer.send(ex, 503, "text/plain", new byte[0]));
      down.route("/page", FixtureServer.text("text/html", "<p>x</p>"));
      FetchResult r = fetcher.fetch(FetchRequest.get(down.base() + "/page"));
      assertThat(r.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
      assertThat(r.reason()).contains("robots.txt").contains("unreachable");
      assertThat(down.hits("/page")).isZero();
    }
  }

  @Test
  void connectionRefusedIsANetworkErrorAfterRetries() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchSettings noRobots = new FetchSettings("MinshengBot/0.1 (test)", Duration.ofSeconds(1), Duration.ofSeconds(2),
        1 << 20, 3, 2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(1), 1,
        Duration.ofSeconds(1), false, Duration.ofHours(1), List.of());
    try (PoliteFetcher f = new PoliteFetcher(noRobots)) {
      FetchResult r = f.fetch(FetchRequest.get("http://127.0.0.1:" + port + "/x"));
      assertThat(r.outcome()).isEqualTo(FetchOutcome.NETWORK_ERROR);
      assertThat(r.attempts()).isEqualTo(3);
    }
  }
}
