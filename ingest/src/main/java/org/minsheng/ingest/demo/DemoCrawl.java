package org.minsheng.ingest.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.minsheng.handoff.PostHandOff;
import org.minsheng.ingest.crawl.CrawlConfig;
import org.minsheng.ingest.crawl.Crawler;
import org.minsheng.ingest.source.SourceHealth;

/**
 * What {@code ./minsheng demo} needs in one object: the demo sites on loopback and a continuous crawler over them,
 * handing posts to {@code handOff}; crawl state in {@code dataDirectory/crawl-demo.mv.db}. Close to stop both.
 */
public final class DemoCrawl implements AutoCloseable {
  private final DemoSites sites;
  private final Crawler crawler;

  private DemoCrawl(DemoSites sites, Crawler crawler) {
    this.sites = sites;
    this.crawler = crawler;
  }

  /**
   * Starts the sites on {@code port} (0 = any) and the crawler.
   *
   * @param spoolDirectory where {@code handOff} writes (used to resolve an interrupted hand-off after a crash)
   */
  public static DemoCrawl start(int port, Path dataDirectory, Path spoolDirectory, PostHandOff handOff) throws IOException {
    return start(port, dataDirectory, spoolDirectory, handOff, null);
  }

  /**
   * As {@link #start(int, Path, Path, PostHandOff)}, also writing source health to the {@code minsheng-sources} index
   * of {@code elasticsearchUrl} (null or blank: not written).
   */
  public static DemoCrawl start(int port, Path dataDirectory, Path spoolDirectory, PostHandOff handOff,
      String elasticsearchUrl) throws IOException {
    DemoSites sites = DemoSites.start(port);
    CrawlConfig cfg = sites.crawlConfig(dataDirectory.resolve("crawl-demo.mv.db"), spoolDirectory);
    if (elasticsearchUrl != null && !elasticsearchUrl.isBlank()) {
      cfg = cfg.withElasticsearch(elasticsearchUrl);
    }
    Crawler crawler = new Crawler(cfg, handOff, Clock.systemUTC(), Map.of());
    crawler.start(false);
    return new DemoCrawl(sites, crawler);
  }

  public String baseUrl() {
    return sites.baseUrl();
  }

  /** Per-source counters and health (for the API's source-health view). */
  public List<SourceHealth> health() {
    return crawler.health();
  }

  @Override
  public void close() {
    crawler.stop();
    sites.close();
  }
}
