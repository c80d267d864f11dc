package org.minsheng.ingest.crawl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.minsheng.cli.CliCommand;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.ingest.demo.SyntheticPortal;
import org.minsheng.ingest.fetch.FetchSettings;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.source.SourceHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench crawl}: pages/s of the whole crawl pipeline (frontier → polite fetch → decode → extract →
 * hand-off with fsync per page → store commit) against a synthetic GBK portal on loopback, with politeness delays set
 * to zero so the pipeline itself is measured. Prints one JSON object.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Measure crawl pipeline throughput (pages/s) against a synthetic loopback portal.")
public final class CrawlBenchCommand implements CliCommand {

  @Option(names = "--articles", description = "article pages to crawl (default 2000)")
  int articles = 2000;

  @Option(names = "--threads", description = "crawler worker threads (default 4)")
  int threads = 4;

  @Option(names = "--host-concurrency", description = "requests in flight to the one host (default 4)")
  int hostConcurrency = 4;

  @Option(names = "--dir", description = "directory for the crawl store and spool (default: a new temp directory)")
  Path directory;

  @Override
  public List<String> path() {
    return List.of("bench", "crawl");
  }

  @Override
  public Integer call() throws Exception {
    Path dir = directory == null ? Files.createTempDirectory("minsheng-bench-crawl") : Files.createDirectories(directory);
    FetchSettings d = FetchSettings.defaults();
    FetchSettings fast = new FetchSettings(d.userAgent(), d.connectTimeout(), d.readTimeout(), d.maxBodyBytes(),
        d.maxRedirects(), d.maxRetries(), d.backoffBase(), d.backoffMax(), d.maxRetryAfter(), Duration.ZERO,
        hostConcurrency, d.maxCrawlDelay(), true, d.robotsCacheTtl(), d.blockRedirectPatterns());
    try (SyntheticPortal portal = new SyntheticPortal(articles)) {
      SourceConfig src = new SourceConfig("bench", "rss", "bench.local", null, true, List.of(portal.feedUrl()), null, 1,
          null, null, null, null, null, null, null, null, null, null, null);
      CrawlConfig base = CrawlConfig.load(null, Map.of());
      CrawlConfig cfg = new CrawlConfig(dir.resolve("crawl.mv.db"), threads, Duration.ofHours(1), Duration.ofSeconds(1),
          base.pageMaxAttempts(), base.retryDelay(), base.maxBlockBackoff(), dir.resolve("spool"), 1000,
          Duration.ofSeconds(5), null, fast, List.of(src));
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
        Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
        long start = System.nanoTime();
        boolean done = crawler.runOnce(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        SourceHealth h = crawler.health().get(0);
        System.out.printf(java.util.Locale.ROOT,
            "{\"finished\":%s,\"pages\":%d,\"posts\":%d,\"seconds\":%.2f,\"pagesPerSecond\":%.1f,\"threads\":%d,\"hostConcurrency\":%d,\"cores\":%d}%n",
            done, h.fetched(), h.posts(), seconds, h.fetched() / seconds, threads, hostConcurrency,
            Runtime.getRuntime().availableProcessors());
        return done ? 0 : 1;
      }
    }
  }
}
