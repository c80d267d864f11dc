package org.minsheng.ingest.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.minsheng.cli.CliCommand;
import org.minsheng.config.Settings;
import org.minsheng.handoff.PostHandOff;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.handoff.kafka.KafkaHandOffSettings;
import org.minsheng.handoff.kafka.KafkaPostHandOff;
import org.minsheng.ingest.demo.DemoSites;
import org.minsheng.ingest.source.SourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng crawl --config FILE [--once]}: runs the configured sources into the spool. With {@code --once} it
 * stops when nothing is due and prints the per-source counters as one JSON object; otherwise it runs until killed
 * (SIGTERM stops it cleanly; kill -9 is survived through the crawl store).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Crawl the configured news portals, forums and Weibo searches into the spool directory.")
public final class CrawlCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlCommand.class);

  @Option(names = "--config", description = "crawl configuration YAML (keys of minsheng-crawl-defaults.yaml)")
  Path config;

  @Option(names = "--once", description = "stop when nothing queued is due (default: poll forever)")
  boolean once;

  @Option(names = "--demo", description = "start the bundled demo sites on loopback and crawl them (sources from the config are ignored)")
  boolean demo;

  @Option(names = "--timeout", description = "with --once: give up after this long (ISO-8601, default PT2H)")
  Duration timeout = Duration.ofHours(2);

  @Override
  public List<String> path() {
    return List.of("crawl");
  }

  @Override
  public Integer call() throws Exception {
    CrawlConfig loaded = CrawlConfig.load(config, System.getenv());
    if (demo) {
      try (DemoSites sites = DemoSites.start(0)) {
        return run(sites.crawlConfig(loaded.storeFile(), loaded.spoolDirectory()));
      }
    }
    return run(loaded);
  }

  private int run(CrawlConfig cfg) throws Exception {
    if (cfg.sources().isEmpty()) {
      LOG.error("no sources configured{}", config == null ? " (pass --config FILE)" : " in " + config);
      return 2;
    }
    String handoffType = Settings.load(CrawlConfig.DEFAULTS, config, System.getenv()).string("handoff.type");
    try (PostHandOff handOff = handOff(handoffType, cfg)) {
      Crawler crawler = handOff instanceof SpoolDirectoryWriter
          ? new Crawler(cfg, handOff, Clock.systemUTC(), System.getenv())
          // Kafka cannot be asked which posts arrived: a crash between flush and the store's commit resends that
          // page's posts once; the job's writes are idempotent by post id.
          : new Crawler(cfg, handOff, DeliveryCheck.NONE, Clock.systemUTC(), System.getenv(), Extraction.defaults());
      if (once) {
        boolean done = crawler.runOnce(timeout);
        System.out.println(summary(crawler.health(), done));
        return done ? 0 : 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        crawler.stop();
        stopped.countDown();
      }, "crawl-shutdown"));
      crawler.start(false);
      stopped.await();
      return 0;
    }
  }

  /** The hand-off named by {@code handoff.type}: spool (settings from the crawl config) or kafka. */
  static PostHandOff handOff(String type, CrawlConfig cfg) throws java.io.IOException {
    switch (type) {
      case "spool":
        return new SpoolDirectoryWriter(cfg.spoolDirectory(), cfg.maxPostsPerFile(), cfg.maxFileAge());
      case "kafka":
        return new KafkaPostHandOff(KafkaHandOffSettings.from(Settings.load("minsheng-ingest.yaml", null, System.getenv())));
      default:
        throw new IllegalArgumentException("handoff.type '" + type + "' is not one of spool, kafka");
    }
  }

  static String summary(List<SourceHealth> health, boolean finished) throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ObjectNode root = json.createObjectNode();
    root.put("finished", finished);
    long posts = 0;
    ArrayNode arr = root.putArray("sources");
    for (SourceHealth h : health) {
      arr.add(json.valueToTree(h));
      posts += h.posts();
    }
    root.put("posts", posts);
    return json.writeValueAsString(root);
  }
}
