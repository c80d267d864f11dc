package org.minsheng.bench.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.minsheng.api.ApiServer;
import org.minsheng.api.ApiSettings;
import org.minsheng.api.EsClients;
import org.minsheng.cli.CliCommand;
import org.minsheng.es.IndexNames;
import org.minsheng.es.LocalElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench dashboard}: the dashboard API's latency with a million posts indexed.
 *
 * <ol>
 *   <li>Starts a local Elasticsearch node (or uses {@code --es-url}); with {@code --keep} its data directory is kept
 *       and a later run with the same {@code --posts}/{@code --seed} reuses the loaded corpus.</li>
 *   <li>Loads N generated posts as the job's documents, plus topics and hourly roll-ups ({@link BenchCorpusLoader}).</li>
 *   <li>Starts the real {@link ApiServer} in-process (settings from {@code minsheng-api.yaml}; only the port, the
 *       cluster URL, a rate limit high enough for one token shared by all clients and no audit file are changed).</li>
 *   <li>One client, after a warm-up: p50/p95/p99 of trends, hot topics, search and regions. Every request has its own
 *       window (the end moves back one minute per request), so neither the API's answer cache nor Elasticsearch's
 *       request cache can answer it: these are the cost of real queries.</li>
 *   <li>{@code --clients} concurrent clients on loopback for {@code --seconds}, hitting trends: first as dashboards do
 *       (the overview's two trend queries, same window for everyone: caches help, as in production), then with a
 *       distinct window per request (no cache can help).</li>
 * </ol>
 * Prints one JSON object; logs go to stderr.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Latency of the dashboard API (trends, hot topics, search, regions) with N posts indexed, one client and many.")
public final class DashboardBenchCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardBenchCommand.class);
  private static final String TOKEN = "bench-dashboard-token";
  private static final ObjectMapper JSON = ApiServer.json();

  @Option(names = "--posts", defaultValue = "1000000", description = "Posts to index (default: ${DEFAULT-VALUE}).")
  long posts;

  @Option(names = "--days", defaultValue = "30", description = "Days the posts span, ending now (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--clients", defaultValue = "100", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", defaultValue = "30", description = "Duration of each concurrent run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--samples", defaultValue = "300", description = "Measured single-client requests per endpoint (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--warmup", defaultValue = "60", description = "Unmeasured requests per endpoint first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--es-url", description = "Use this Elasticsearch instead of starting a local node.")
  String esUrl;

  @Option(names = "--es-heap", defaultValue = "1g", description = "Heap of the local node (default: ${DEFAULT-VALUE}).")
  String esHeap;

  @Option(names = "--keep", description = "Keep the local node's data in --data-dir and reuse it when it holds the same corpus.")
  boolean keep;

  @Option(names = "--data-dir", description = "Node directory with --keep (default: <Elasticsearch base>/bench-dashboard).")
  Path dataDir;

  @Option(names = "--concurrent-only", description = "Skip the single-client measurements.")
  boolean concurrentOnly;

  @Option(names = "--no-api-cache", description = "Turn the API's answer cache off (cache.ttl = PT0S).")
  boolean noApiCache;

  @Override
  public List<String> path() {
    return List.of("bench", "dashboard");
  }

  @Override
  public Integer call() throws Exception {
    if (posts < 1 || clients < 1 || seconds < 1 || samples < 1 || days < 1) {
      throw new IllegalArgumentException("--posts, --clients, --seconds, --samples and --days must be >= 1");
    }
    ObjectNode out = JSON.createObjectNode();
    ObjectNode machine = out.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("loadAverageAtStart", loadAverage());
    LocalElasticsearch node = null;
    try {
      String url = esUrl;
      if (url == null) {
        LocalElasticsearch.Builder b = LocalElasticsearch.builder().port(0).heap(esHeap);
        if (keep) {
          b.dataDirectory(dataDir != null ? dataDir
              : LocalElasticsearch.defaultBaseDirectory().resolve("bench-dashboard"));
        }
        node = b.build();
        node.start();
        url = node.url();
      }
      ApiSettings settings = ApiSettings.load(null, Map.of()).withServer("127.0.0.1", 0).withElasticsearchUrl(url)
          .withAuth(new ApiSettings.Auth("", 10_000_000, ""));
      if (noApiCache) {
        settings = settings.withCache(new ApiSettings.Cache(Duration.ZERO, 1));
      }
      out.put("elasticsearch", esUrl == null ? "local node, heap " + esHeap : esUrl);
      out.put("apiCacheTtl", settings.cache().ttl().toString());
      BenchCorpusLoader.Corpus corpus = corpus(settings);
      ObjectNode c = corpus.toJson();
      c.put("reused", corpus.reused());
      out.set("corpus", c);
      try (ApiServer server = ApiServer.start(settings, Map.of(ApiServer.DEMO_TOKEN_ENV, TOKEN), true)) {
        Probe probe = new Probe(server.url(), corpus);
        if (!concurrentOnly) {
          ObjectNode single = out.putObject("singleClient");
          single.put("loadAverageBefore", loadAverage());
          single.set("trends", probe.sequential("trends", probe::trend).toJson());
          single.set("hotTopics", probe.sequential("hot topics", probe::hot).toJson());
          single.set("search", probe.sequential("search", probe::search).toJson());
          single.set("regions", probe.sequential("regions", probe::regions).toJson());
        }
        ObjectNode concurrent = out.putObject("concurrentTrends");
        concurrent.put("clients", clients);
        concurrent.put("seconds", seconds);
        concurrent.put("loadAverageBefore", loadAverage());
        concurrent.set("dashboard", probe.concurrent(clients, seconds, probe::dashboardTrend));
        concurrent.put("loadAverageBetween", loadAverage());
        concurrent.set("distinctWindows", probe.concurrent(clients, seconds, probe::distinctTrend));
      }
      out.put("targets", "single client p95: trends <= 50 ms, hot topics <= 100 ms, search <= 150 ms; "
          + clients + " clients on trends: no errors, p99 <= 250 ms");
      machine.put("loadAverageAtEnd", loadAverage());
      System.out.println(JSON.writeValueAsString(out));
      return 0;
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  private BenchCorpusLoader.Corpus corpus(ApiSettings settings) throws Exception {
    ApiSettings.Elasticsearch e = settings.elasticsearch();
    // bulk requests of thousands of documents on a shared machine need more than the API's per-request timeout
    ElasticsearchClient client = EsClients.create(new ApiSettings.Elasticsearch(e.url(), e.username(), e.password(),
        e.apiKey(), e.caCertificate(), Duration.ofMinutes(5), 4, e.postsIndex(), e.topicsIndex(), e.alertsIndex(),
        e.sourcesIndex()), JSON);
    try {
      BenchCorpusLoader loader = new BenchCorpusLoader(client, IndexNames.DEFAULT);
      if (keep || esUrl != null) {
        var existing = loader.existing(posts, seed);
        if (existing.isPresent()) {
          LOG.info("bench: reusing the {} posts loaded earlier", posts);
          return existing.get();
        }
      }
      return loader.load(posts, seed, days);
    } finally {
      client._transport().close();
    }
  }

  /** "1.23 0.98 0.75" from /proc/loadavg (1, 5, 15 min), or "unknown". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Builds the requests and times them. */
  private final class Probe {
    private final String base;
    private final BenchCorpusLoader.Corpus corpus;
    private final Instant end;
    private final java.util.concurrent.atomic.AtomicInteger distinct = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    Probe(String base, BenchCorpusLoader.Corpus corpus) {
      this.base = base;
      this.corpus = corpus;
      this.end = corpus.last().truncatedTo(ChronoUnit.MINUTES);
    }

    private String keyword(int i) {
      return corpus.keywords().isEmpty() ? "问题" : corpus.keywords().get(Math.floorMod(i, corpus.keywords().size()));
    }

    private String region(int i) {
      return corpus.regions().isEmpty() ? "北京" : corpus.regions().get(Math.floorMod(i, corpus.regions().size()));
    }

    private String window(int i, Duration length) {
      Instant to = end.minus(i, ChronoUnit.MINUTES);
      return "from=" + enc(to.minus(length).toString()) + "&to=" + enc(to.toString());
    }

    /** The i-th distinct trend query: 24 h overall, 24 h one keyword, 7 d one keyword, 24 h one province. */
    String trend(int i) {
      return switch (Math.floorMod(i, 4)) {
        case 0 -> "/api/trends?interval=1h&" + window(i, Duration.ofHours(24));
        case 1 -> "/api/trends?interval=1h&q=" + enc(keyword(i)) + "&" + window(i, Duration.ofHours(24));
        case 2 -> "/api/trends?interval=1h&q=" + enc(keyword(i)) + "&" + window(i, Duration.ofDays(7));
        default -> "/api/trends?interval=1h&region=" + enc(region(i)) + "&" + window(i, Duration.ofHours(24));
      };
    }

    /**
     * A trend query no other request of the run repeats: the window ends one more second before the corpus end each
     * time (a run-wide counter), so no cache can answer it; shapes as {@link #trend}.
     */
    String distinctTrend(int ignored) {
      int n = distinct.incrementAndGet();
      Instant to = end.minusSeconds(n);
      Duration length = n % 4 == 2 ? Duration.ofDays(7) : Duration.ofHours(24);
      String window = "from=" + enc(to.minus(length).toString()) + "&to=" + enc(to.toString());
      return switch (n % 4) {
        case 0 -> "/api/trends?interval=1h&" + window;
        case 1, 2 -> "/api/trends?interval=1h&q=" + enc(keyword(n)) + "&" + window;
        default -> "/api/trends?interval=1h&region=" + enc(region(n)) + "&" + window;
      };
    }

    /** The overview page's two trend queries, the same for every client. */
    String dashboardTrend(int i) {
      return i % 2 == 0 ? "/api/trends?interval=1h&" + window(0, Duration.ofHours(24))
          : "/api/trends?interval=1h&q=" + enc(keyword(0)) + "&" + window(0, Duration.ofDays(7));
    }

    String hot(int i) {
      return switch (Math.floorMod(i, 3)) {
        case 0 -> "/api/topics/hot?limit=20&" + window(i, Duration.ofHours(24));
        case 1 -> "/api/topics/hot?limit=20&region=" + enc(region(i)) + "&" + window(i, Duration.ofHours(24));
        default -> "/api/topics/hot?limit=20&" + window(i, Duration.ofDays(7));
      };
    }

    String search(int i) {
      return switch (Math.floorMod(i, 4)) {
        case 0, 1 -> "/api/search?size=20&q=" + enc(keyword(i)) + "&" + window(i, Duration.ofDays(30));
        case 2 -> "/api/search?size=20&q=" + enc(keyword(i)) + "&region=" + enc(region(i)) + "&"
            + window(i, Duration.ofDays(30));
        default -> "/api/search?size=20&sort=time&q=" + enc(keyword(i)) + "&" + window(i, Duration.ofDays(7));
      };
    }

    String regions(int i) {
      return "/api/regions?" + window(i, Duration.ofDays(7));
    }

    /** Warm-up then measured requests, one at a time, each one distinct. */
    Latencies sequential(String name, IntFunction<String> paths) throws Exception {
      for (int i = 0; i < warmup; i++) {
        time(paths.apply(samples + i), new Latencies());
      }
      Latencies l = new Latencies();
      for (int i = 0; i < samples; i++) {
        time(paths.apply(i), l);
      }
      LOG.info("bench: {} single client p50 {} ms p95 {} ms p99 {} ms ({} errors)", name, l.percentile(50),
          l.percentile(95), l.percentile(99), l.errors());
      return l;
    }

    /** {@code n} clients in a loop for {@code seconds} after a 5 s warm-up; each client its own request sequence. */
    ObjectNode concurrent(int n, int seconds, IntFunction<String> paths) throws Exception {
      Latencies all = new Latencies();
      AtomicBoolean measuring = new AtomicBoolean(false);
      AtomicBoolean running = new AtomicBoolean(true);
      CountDownLatch done = new CountDownLatch(n);
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int client = c;
        Thread t = new Thread(() -> {
          SplittableRandom random = new SplittableRandom(client);
          Latencies mine = new Latencies();
          try {
            int i = client;
            while (running.get()) {
              String path = paths.apply(i);
              i += 1 + random.nextInt(7);
              if (measuring.get()) {
                time(path, mine);
              } else {
                time(path, new Latencies());
              }
            }
          } finally {
            all.addAll(mine);
            done.countDown();
          }
        }, "bench-client-" + c);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      Thread.sleep(5_000);
      measuring.set(true);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      running.set(false);
      measuring.set(false);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      done.await();
      ObjectNode o = all.toJson();
      o.put("requests_per_s", Math.round(all.count() / elapsed * 10) / 10.0);
      LOG.info("bench: {} clients for {} s: {}", n, seconds, o);
      return o;
    }

    private void time(String path, Latencies into) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + TOKEN).GET().build();
      long t = System.nanoTime();
      try {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - t;
        if (r.statusCode() == 200) {
          into.add(nanos);
        } else {
          into.error();
          LOG.warn("bench: {} answered {}: {}", path, r.statusCode(),
              new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        into.error();
        LOG.warn("bench: {} failed: {}", path, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        into.error();
      }
    }
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
