package org.minsheng.bench.latency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.minsheng.bench.corpus.CorpusGenerator;
import org.minsheng.bench.corpus.CorpusSpec;
import org.minsheng.bench.corpus.SpoolFeeder;
import org.minsheng.bench.pipeline.EsHttp;
import org.minsheng.bench.pipeline.LocalStack;
import org.minsheng.cli.CliCommand;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench latency --rate R --seconds S}: feeds generated posts into the spool at a steady rate while the
 * real job runs, and reports per-post spool → searchable percentiles (by polling Elasticsearch, see
 * {@link SearchablePoller}) and spool → alert stored percentiles when the job stores alerts.
 *
 * <p>Before measuring, a warm-up batch is written and waited for, so start-up (MiniCluster, operator set-up, HanLP
 * dictionaries) is not counted as latency.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
    description = "Spool → searchable and spool → alert latency percentiles at a steady feed rate.")
public final class LatencyCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(LatencyCommand.class);

  @Option(names = "--rate", required = true, description = "Posts per second written to the spool.")
  double rate;

  @Option(names = "--seconds", required = true, description = "How long to feed.")
  double seconds;

  @Option(names = "--seed", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--es-url", description = "Use this Elasticsearch instead of starting a local node.")
  String esUrl;

  @Option(names = "--es-heap", defaultValue = "1g", description = "Heap of the local node (default: ${DEFAULT-VALUE}).")
  String esHeap;

  @Option(names = "--work", description = "Working directory for spool and checkpoints (default: a new temporary directory).")
  Path work;

  @Option(names = "--poll-ms", defaultValue = "200", description = "Elasticsearch poll interval, the measurement's resolution (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(names = "--flush-ms", defaultValue = "100", description = "The spool writer publishes a file at least this often (default: ${DEFAULT-VALUE}).")
  long flushMillis;

  @Option(names = "--drain", defaultValue = "PT60S", description = "After feeding, wait this long at most for the last posts (default: ${DEFAULT-VALUE}).")
  Duration drain;

  @Override
  public List<String> path() {
    return List.of("bench", "latency");
  }

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0) || !(seconds > 0)) {
      throw new IllegalArgumentException("--rate and --seconds must be positive");
    }
    Path dir = work != null ? work : Files.createTempDirectory("minsheng-bench-latency-");
    ObjectNode out = EsHttp.json().createObjectNode();
    try (LocalStack stack = LocalStack.start(dir, esUrl, esHeap)) {
      EsHttp es = new EsHttp(stack.url());
      CorpusGenerator corpus = new CorpusGenerator(CorpusSpec.defaults(seed, Instant.now(), rate));
      stack.startJob();
      try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(stack.spool(), 100_000, Duration.ofMillis(flushMillis))) {
        warmUp(stack, es, writer, corpus);

        Instant since = Instant.now();
        SearchablePoller poller = new SearchablePoller(es, stack.names().postsAlias(), stack.names().alerts(), since);
        SpoolFeeder feeder = new SpoolFeeder(writer, Clock.systemUTC(), true, poller::written);
        AtomicReference<Throwable> feedFailure = new AtomicReference<>();
        Thread feed = new Thread(() -> {
          try {
            feeder.writeAtRate(corpus, rate, seconds, flushMillis);
          } catch (Throwable t) {
            feedFailure.set(t);
          }
        }, "bench-feeder");
        LOG.info("bench: feeding {} posts/s for {} s", rate, seconds);
        feed.start();
        long drainDeadline = Long.MAX_VALUE;
        while (true) {
          long t = System.nanoTime();
          poller.poll();
          if (!feed.isAlive()) {
            if (drainDeadline == Long.MAX_VALUE) {
              drainDeadline = System.nanoTime() + drain.toNanos();
            }
            if (poller.unseenCount() == 0 || System.nanoTime() > drainDeadline) {
              break;
            }
          }
          long sleep = pollMillis - (System.nanoTime() - t) / 1_000_000;
          if (sleep > 0) {
            Thread.sleep(sleep);
          }
        }
        if (feedFailure.get() != null) {
          throw new IllegalStateException("feeding the spool failed", feedFailure.get());
        }
        report(out, poller);
      }
    }
    System.out.println(out);
    System.out.flush();
    return 0;
  }

  private void warmUp(LocalStack stack, EsHttp es, SpoolDirectoryWriter writer, CorpusGenerator corpus) throws Exception {
    Instant since = Instant.now();
    int n = 200;
    new SpoolFeeder(writer, Clock.systemUTC(), true).writeAll(corpus, n);
    ObjectNode q = EsHttp.json().createObjectNode();
    q.putObject("range").putObject("fetchedAt").put("gte", since.toString());
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (es.count(stack.names().postsAlias(), q) < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the job did not index the " + n + " warm-up posts within 5 minutes");
      }
      Thread.sleep(250);
    }
    LOG.info("bench: warm-up posts searchable, measuring");
  }

  private void report(ObjectNode out, SearchablePoller poller) {
    Percentiles searchable = new Percentiles(poller.searchableMillis());
    Percentiles sink = new Percentiles(poller.sinkMillis());
    Percentiles alerts = new Percentiles(poller.alertMillis());
    out.put("rate", rate);
    out.put("posts", poller.writtenCount());
    put(out, "searchable_p50_ms", searchable.at(50));
    put(out, "searchable_p95_ms", searchable.at(95));
    put(out, "searchable_p99_ms", searchable.at(99));
    put(out, "alert_p50_ms", alerts.at(50));
    put(out, "alert_p99_ms", alerts.at(99));
    out.put("not_searchable", poller.unseenCount());
    put(out, "sink_p50_ms", sink.at(50));
    put(out, "sink_p99_ms", sink.at(99));
    out.put("alerts", poller.alertsSeen());
    out.put("method", "searchable: ES polled every " + pollMillis + " ms, response time − fetchedAt (spool write); "
        + "sink: indexedAt − fetchedAt (before bulk and refresh)");
    if (alerts.count() == 0) {
      out.put("alert_note", poller.alertsSeen() == 0
          ? "no alert was stored in the alerts index during the run: the job built by AnalysisMain has no alert stage yet, or no rule fired"
          : "alerts were stored but none cites a post of this run in topPosts");
    }
  }

  private static void put(ObjectNode out, String key, Long value) {
    if (value == null) {
      out.putNull(key);
    } else {
      out.put(key, value);
    }
  }
}
