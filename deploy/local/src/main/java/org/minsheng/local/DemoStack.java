package org.minsheng.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.core.execution.JobClient;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.api.ApiServer;
import org.minsheng.api.ApiSettings;
import org.minsheng.es.LocalElasticsearch;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.ingest.demo.DemoCrawl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack of {@code ./minsheng demo}, in data-flow order: Elasticsearch, the analysis job on a Flink
 * MiniCluster, the dashboard API, and last the bundled sample sites with the crawler that feeds the spool. {@link
 * #close()} stops them in reverse order, so nothing is left running.
 */
public final class DemoStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);

  /** What to start and where. {@code elasticsearchUrl} non-null = use that node instead of starting one. */
  public record Options(Path dataDirectory, int apiPort, int elasticsearchPort, String elasticsearchHeap,
      int sitesPort, String elasticsearchUrl, Map<String, String> env) {
    public Options {
      Objects.requireNonNull(dataDirectory, "dataDirectory");
      Objects.requireNonNull(env, "env");
    }
  }

  private final Deque<NamedCloseable> started = new ArrayDeque<>();
  private String elasticsearchUrl;
  private String elasticsearchDescription;
  private JobClient job;
  private ApiServer api;
  private DemoCrawl crawl;

  private record NamedCloseable(String name, AutoCloseable resource) {}

  private DemoStack() {}

  /** Starts everything; on failure stops what was already started and rethrows. */
  public static DemoStack start(Options options) throws Exception {
    DemoStack stack = new DemoStack();
    try {
      stack.startAll(options);
      return stack;
    } catch (Exception | Error e) {
      LOG.error("demo: start-up failed, stopping what was started: {}", e.toString());
      stack.close();
      throw e;
    }
  }

  private void startAll(Options o) throws Exception {
    Path data = o.dataDirectory().toAbsolutePath();
    Path spool = data.resolve("spool");
    Files.createDirectories(spool);

    if (o.elasticsearchUrl() == null) {
      // the node keeps its data between runs, as the job keeps its checkpoints: a job resuming from a checkpoint does
      // not write again what it wrote before that checkpoint
      LocalElasticsearch es = LocalElasticsearch.builder()
          .port(o.elasticsearchPort())
          .heap(o.elasticsearchHeap())
          .dataDirectory(elasticsearchDirectory(data))
          .build();
      started.push(new NamedCloseable("Elasticsearch", es));
      es.start();
      elasticsearchUrl = es.url();
      elasticsearchDescription = es.url() + " (local node, pid " + es.pid() + ", " + es.nodeDirectory() + ")";
    } else {
      elasticsearchUrl = o.elasticsearchUrl();
      elasticsearchDescription = elasticsearchUrl + " (existing node)";
    }

    AnalysisConfig analysis = AnalysisConfig.load()
        .withSpoolDirectory(spool.toString())
        .withElasticsearchUrl(elasticsearchUrl)
        .withCheckpoints(data.resolve("checkpoints").toString(), Duration.ofSeconds(10));
    // resumes from the newest retained checkpoint (analysis.checkpoint.restore: latest, the default; --fresh deleted
    // them), so a demo stopped or killed mid-stream carries on where it was
    job = AnalysisMain.startLocal(analysis);
    started.push(new NamedCloseable("analysis job", () -> AnalysisMain.stop(job, Duration.ofSeconds(60))));

    ApiSettings apiSettings = ApiSettings.load(null, o.env())
        .withServer("127.0.0.1", o.apiPort())
        .withElasticsearchUrl(elasticsearchUrl);
    api = ApiServer.start(apiSettings, o.env(), true);
    started.push(new NamedCloseable("dashboard API", api));

    SpoolDirectoryWriter handOff = new SpoolDirectoryWriter(spool, 200, Duration.ofSeconds(2));
    crawl = DemoCrawl.start(o.sitesPort(), data, spool, handOff, elasticsearchUrl);
    started.push(new NamedCloseable("spool writer", handOff));
    started.push(new NamedCloseable("crawler and sample sites", crawl));
  }

  public String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  public String apiUrl() {
    return api.url();
  }

  public String demoToken() {
    return api.demoToken().orElseThrow();
  }

  /** A human summary of what runs where. */
  public String summary() {
    return String.join(System.lineSeparator(),
        "Minsheng (民声) demo is running:",
        "  Elasticsearch     " + elasticsearchDescription,
        "  Sample sites      " + crawl.baseUrl() + "  (news portal with RSS + GBK pages, Discuz! forum, Weibo-like API)",
        "  Crawler           polling the sample sites, writing NDJSON into the spool",
        "  Analysis job      Flink MiniCluster, job " + job.getJobID(),
        "  Dashboard + API   " + api.url() + "/",
        "  Admin token       " + demoToken() + "   (set MINSHENG_DEMO_TOKEN to choose it)",
        "  Try               curl -H 'Authorization: Bearer " + demoToken() + "' '" + api.url()
            + "/api/trends?interval=1h'",
        "Press Ctrl-C to stop everything.");
  }

  /** Stops everything that was started, newest first; never throws. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      NamedCloseable c = started.pop();
      long t0 = System.nanoTime();
      try {
        c.resource().close();
        LOG.info("demo: stopped {} ({} ms)", c.name(), (System.nanoTime() - t0) / 1_000_000);
      } catch (Exception e) {
        LOG.error("demo: stopping {} failed: {}", c.name(), e.toString(), e);
      }
    }
  }

  /**
   * The demo's own Elasticsearch node directory for the demo data directory {@code data}: outside it, under {@link
   * LocalElasticsearch#defaultBaseDirectory()}, because the node may run as another user who cannot enter the data
   * directory (e.g. below /root); one per data directory.
   */
  static Path elasticsearchDirectory(Path data) {
    String absolute = data.toAbsolutePath().normalize().toString();
    String name = data.toAbsolutePath().normalize().getFileName() == null ? "root"
        : data.toAbsolutePath().normalize().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(absolute.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return LocalElasticsearch.defaultBaseDirectory().resolve("demo")
          .resolve(name + "-" + java.util.HexFormat.of().formatHex(digest, 0, 6));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static void deleteQuietly(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
