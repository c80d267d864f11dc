package org.minsheng.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.minsheng.bench.corpus.CorpusGenerator;
import org.minsheng.bench.corpus.CorpusSpec;
import org.minsheng.bench.corpus.SpoolFeeder;
import org.minsheng.bench.pipeline.EsHttp;
import org.minsheng.bench.pipeline.LocalStack;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.cli.CliCommand;
import org.minsheng.es.EsConnection;
import org.minsheng.es.EsSettings;
import org.minsheng.notify.Backoff;
import org.minsheng.notify.ElasticsearchOutbox;
import org.minsheng.notify.HttpPoster;
import org.minsheng.notify.Notifier;
import org.minsheng.notify.QuietHours;
import org.minsheng.notify.WebhookChannel;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench latency --rate R --seconds S}: feeds generated posts into the spool at a steady rate while the
 * real job runs, and reports per-post spool → searchable percentiles (by polling Elasticsearch, see
 * {@link SearchablePoller}), spool → alert stored and spool → webhook percentiles for alerts that fire at known posts
 * ({@link MarkerPosts}: watch-list rules added to the job's settings, one marker post each).
 *
 * <p>Watch-list alerts fire early (when the window holds the rule's minimum, not at its end) and are counted straight
 * after the text stages. Topic-scoped alerts come after the topic stages, which hold each post until the watermark
 * passes it, i.e. {@code analysis.eventTime.maxOutOfOrderness} (reported as {@code max_out_of_orderness}) behind the
 * newest post: {@link TopicBurst} injects a story whose topic alert is timed ({@code topic_alert_ms}).
 *
 * <p>Before measuring, a warm-up batch and {@code --warmup} of posts at the measured rate are written and waited for,
 * so start-up (MiniCluster, operator set-up, HanLP dictionaries) and JIT compilation are not counted as latency.
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

  @Option(names = "--watch-rules", defaultValue = "20",
      description = "Watch-list rules (minPosts 1) whose marker word is put into one post each, spread over the run, so"
          + " alerts fire at known posts; 0 = none (default: ${DEFAULT-VALUE}, at most 22).")
  int watchRules;

  @Option(names = "--webhook", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Queue alerts for a generic webhook on 127.0.0.1 and deliver them with an in-process notifier"
          + " (the notifier's default settings) to measure spool → webhook (default: ${DEFAULT-VALUE}).")
  boolean webhook;

  @Option(names = "--topic-burst", defaultValue = "2",
      description = "Posts per second of an injected story (a new root post and its reposts, from 10 %% of the run, at"
          + " most 90 s) whose topic alert is timed; 0 = none (default: ${DEFAULT-VALUE}).")
  double topicBurstRate;

  @Option(names = "--drain-rate", defaultValue = "2",
      description = "Posts per second written during the drain (not measured), so that event time keeps moving as it"
          + " would with live traffic and the stages that wait for the watermark release the run's last posts;"
          + " 0 = none (default: ${DEFAULT-VALUE}).")
  double drainRate;

  @Option(names = "--warmup", defaultValue = "PT30S",
      description = "Before measuring, feed at --rate for this long (not measured) and wait until those posts are"
          + " searchable, so that the JIT has compiled the hot stages and no backlog is left (default: ${DEFAULT-VALUE};"
          + " PT0S: only a 200-post batch).")
  Duration warmup;

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
      AlertSettings alerts = stack.config().job().alerts();
      alerts.watchlist.rules = new ArrayList<>(alerts.watchlist.rules);
      alerts.watchlist.rules.addAll(MarkerPosts.rules(watchRules));
      if (webhook) {
        alerts.content.channels = List.of(WEBHOOK);
      }
      stackOutOfOrderness = stack.config().job().maxOutOfOrderness().toString();
      stack.startJob();
      try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(stack.spool(), 100_000, Duration.ofMillis(flushMillis))) {
        warmUp(stack, es, writer, corpus);

        Instant since = Instant.now();
        SearchablePoller poller = new SearchablePoller(es, stack.names().postsAlias(), stack.names().alerts(), since);
        long total = (long) Math.floor(rate * seconds);
        MarkerPosts posts = new MarkerPosts(corpus, total, watchRules);
        TopicBurst story = new TopicBurst(posts, total, rate, topicBurstRate);
        poller.triggers(posts.triggers());
        poller.story(story);
        pollerRef = poller;
        SpoolFeeder feeder = new SpoolFeeder(writer, Clock.systemUTC(), true, poller::written);
        if (webhook) {
          receiver = new WebhookReceiver();
          notifierConnection = EsConnection.open(EsSettings.of(stack.url()));
          org.minsheng.notify.NotifySettings notify = org.minsheng.notify.NotifySettings.load(null, java.util.Map.of());
          Notifier notifier = new Notifier(
              new ElasticsearchOutbox(notifierConnection.client(), stack.names().alerts(), Duration.ofDays(1)),
              List.of(new Notifier.Route(new WebhookChannel(WEBHOOK, receiver.url(), "bench-secret",
                  new HttpPoster(Duration.ofSeconds(5)), Clock.systemUTC()), QuietHours.NONE)),
              new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)), 20, Duration.ofMinutes(1),
              "bench-latency", Clock.systemUTC(), notify.sendThreads);
          notifierThread = new Thread(() -> {
            try {
              notifier.run(notify.pollInterval, notify.batch);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              LOG.warn("bench: in-process notifier stopped: {}", e.toString());
            }
          }, "bench-notifier");
          notifierThread.setDaemon(true);
          notifierThread.start();
        }
        AtomicReference<Throwable> feedFailure = new AtomicReference<>();
        Thread feed = new Thread(() -> {
          try {
            feeder.writeAtRate(story, rate, seconds, flushMillis);
          } catch (Throwable t) {
            feedFailure.set(t);
          }
        }, "bench-feeder");
        LOG.info("bench: feeding {} posts/s for {} s", rate, seconds);
        feed.start();
        long drainDeadline = Long.MAX_VALUE;
        java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread trickle = null;
        while (true) {
          long t = System.nanoTime();
          poller.poll();
          if (!feed.isAlive()) {
            if (drainDeadline == Long.MAX_VALUE) {
              drainDeadline = System.nanoTime() + drain.toNanos();
              trickle = startTrickle(writer, corpus, draining);
            }
            if ((poller.unseenCount() == 0 && alertsDone(poller, posts)
                && (topicBurstRate <= 0 || poller.topicAlertMillis() != null)) || System.nanoTime() > drainDeadline) {
              break;
            }
          }
          long sleep = pollMillis - (System.nanoTime() - t) / 1_000_000;
          if (sleep > 0) {
            Thread.sleep(sleep);
          }
        }
        draining.set(false);
        if (trickle != null) {
          trickle.join(5000);
        }
        if (feedFailure.get() != null) {
          throw new IllegalStateException("feeding the spool failed", feedFailure.get());
        }
        report(out, poller, posts);
        if (story.rootId() != null) {
          String storyTopic = topicOf(es, stack.names().postsAlias(), story.rootId());
          out.put("story_topic_id", storyTopic);
          out.put("story_topic_posts", storyTopic == null ? 0
              : es.count(stack.names().postsAlias(), termQuery("topicId", storyTopic)));
          out.put("story_posts_written", story.ids().size());
        }
        out.set("topic_windows", topicWindows(es, stack.names().postsAlias(), since));
      } finally {
        if (notifierThread != null) {
          notifierThread.interrupt();
          notifierThread.join(5000);
        }
        if (notifierConnection != null) {
          notifierConnection.close();
        }
        if (receiver != null) {
          receiver.close();
        }
      }
    }
    System.out.println(out);
    System.out.flush();
    return 0;
  }

  /**
   * Writes unmeasured posts at {@code --drain-rate} while {@code draining} holds: without them event time would stop at
   * the feed's last post and the watermark {@code maxOutOfOrderness} before it, so posts (and alerts) of the run's
   * last seconds would wait for the drain deadline in the stages that hold posts until the watermark passes them.
   */
  private Thread startTrickle(SpoolDirectoryWriter writer, java.util.Iterator<org.minsheng.post.Post> corpus,
      java.util.concurrent.atomic.AtomicBoolean draining) {
    if (!(drainRate > 0)) {
      return null;
    }
    java.util.Iterator<org.minsheng.post.Post> whileDraining = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return draining.get() && corpus.hasNext();
      }

      @Override
      public org.minsheng.post.Post next() {
        return corpus.next();
      }
    };
    Thread t = new Thread(() -> {
      try {
        new SpoolFeeder(writer, Clock.systemUTC(), true).writeAtRate(whileDraining, drainRate,
            drain.toMillis() / 1000.0, flushMillis);
      } catch (java.io.IOException | RuntimeException e) {
        LOG.warn("bench: drain-time posts stopped: {}", e.toString());
      }
    }, "bench-drain-feeder");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static ObjectNode termQuery(String field, String value) {
    ObjectNode q = EsHttp.json().createObjectNode();
    q.putObject("term").put(field, value);
    return q;
  }

  /**
   * How the run's posts spread over topics: per 10-second window of {@code publishedAt} (posts with a topic, i.e. not
   * spam), the number of topics and the largest topic's share; reported as median and extremes over the windows.
   */
  private static ObjectNode topicWindows(EsHttp es, String postsAlias, Instant since) throws Exception {
    ObjectNode body = EsHttp.json().createObjectNode();
    body.put("size", 0);
    com.fasterxml.jackson.databind.node.ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.addObject().putObject("range").putObject("fetchedAt").put("gte", since.toString());
    filter.addObject().putObject("exists").put("field", "topicId");
    ObjectNode windows = body.putObject("aggs").putObject("w");
    windows.putObject("date_histogram").put("field", "publishedAt").put("fixed_interval", "10s");
    ObjectNode sub = windows.putObject("aggs");
    sub.putObject("top").putObject("terms").put("field", "topicId").put("size", 1);
    sub.putObject("topics").putObject("cardinality").put("field", "topicId");
    JsonNode r = es.search(postsAlias, body);
    List<Double> topics = new ArrayList<>();
    List<Double> largest = new ArrayList<>();
    for (JsonNode b : r == null ? EsHttp.json().createArrayNode() : r.path("aggregations").path("w").path("buckets")) {
      long n = b.path("doc_count").asLong();
      if (n < 100) {
        continue; // the run's edges
      }
      topics.add(b.path("topics").path("value").asDouble());
      JsonNode top = b.path("top").path("buckets");
      largest.add(top.isEmpty() ? 0 : top.get(0).path("doc_count").asDouble() / n);
    }
    ObjectNode out = EsHttp.json().createObjectNode();
    out.put("windows", topics.size());
    topics.sort(null);
    largest.sort(null);
    if (!topics.isEmpty()) {
      out.put("topics_min", topics.get(0));
      out.put("topics_median", topics.get(topics.size() / 2));
      out.put("largest_share_median", Math.round(largest.get(largest.size() / 2) * 1000) / 1000.0);
      out.put("largest_share_max", Math.round(largest.get(largest.size() - 1) * 1000) / 1000.0);
    }
    return out;
  }

  /** The topic the job put a post in (its document's {@code topicId}), or null. */
  private static String topicOf(EsHttp es, String postsAlias, String postId) throws Exception {
    ObjectNode body = EsHttp.json().createObjectNode();
    body.putObject("query").putObject("term").put("id", postId);
    body.putArray("_source").add("topicId");
    JsonNode r = es.search(postsAlias, body);
    for (JsonNode hit : r == null ? EsHttp.json().createArrayNode() : r.path("hits").path("hits")) {
      JsonNode t = hit.path("_source").path("topicId");
      return t.isMissingNode() || t.isNull() ? null : t.asText();
    }
    return null;
  }

  private void warmUp(LocalStack stack, EsHttp es, SpoolDirectoryWriter writer, CorpusGenerator corpus) throws Exception {
    Instant since = Instant.now();
    long n = 200;
    new SpoolFeeder(writer, Clock.systemUTC(), true).writeAll(corpus, n);
    if (warmup.toMillis() > 0) {
      LOG.info("bench: warming up at {} posts/s for {}", rate, warmup);
      n += new SpoolFeeder(writer, Clock.systemUTC(), true).writeAtRate(corpus, rate, warmup.toMillis() / 1000.0,
          flushMillis);
    }
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

  /** Every marker alert seen in Elasticsearch and, with the webhook, delivered. */
  private boolean alertsDone(SearchablePoller poller, MarkerPosts posts) {
    int expected = posts.triggers().size();
    if (poller.triggeredCount() < expected) {
      return false;
    }
    return receiver == null || markerArrivals(posts).size() >= expected;
  }

  /** Webhook arrivals of marker alerts: rule → ms after the spool write of the rule's marker post. */
  private java.util.Map<String, Long> markerArrivals(MarkerPosts posts) {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    if (receiver == null) {
      return out;
    }
    for (WebhookReceiver.Arrival a : receiver.arrivals().values()) {
      SearchablePoller p = pollerRef;
      Long written = p == null ? null : p.triggerWrittenAt(a.scopeKey());
      if (written != null) {
        out.put(a.scopeKey(), a.atMillis() - written);
      }
    }
    return out;
  }

  private void report(ObjectNode out, SearchablePoller poller, MarkerPosts posts) {
    Percentiles searchable = new Percentiles(poller.searchableMillis());
    Percentiles sink = new Percentiles(poller.sinkMillis());
    Percentiles alerts = new Percentiles(poller.triggeredMillis());
    Percentiles others = new Percentiles(poller.alertMillis());
    Percentiles hook = new Percentiles(markerArrivals(posts).values().stream().mapToLong(Long::longValue).toArray());
    out.put("rate", rate);
    out.put("warmup_s", warmup.toMillis() / 1000.0);
    out.put("posts", poller.writtenCount());
    put(out, "searchable_p50_ms", searchable.at(50));
    put(out, "searchable_p95_ms", searchable.at(95));
    put(out, "searchable_p99_ms", searchable.at(99));
    put(out, "alert_p50_ms", alerts.at(50));
    put(out, "alert_p99_ms", alerts.at(99));
    put(out, "alert_max_ms", alerts.at(100));
    Percentiles added = new Percentiles(poller.triggeredAfterSearchableMillis());
    put(out, "alert_minus_searchable_p50_ms", added.at(50));
    put(out, "alert_minus_searchable_p99_ms", added.at(99));
    out.put("alerts_expected", posts.triggers().size());
    out.put("alerts_measured", alerts.count());
    if (receiver != null) {
      put(out, "webhook_p50_ms", hook.at(50));
      put(out, "webhook_p99_ms", hook.at(99));
      put(out, "webhook_max_ms", hook.at(100));
      out.put("webhook_delivered", hook.count());
    }
    if (topicBurstRate > 0) {
      put(out, "topic_alert_ms", poller.topicAlertMillis());
      put(out, "topic_alert_after_window_ms", poller.topicAlertAfterWindowMillis());
      out.put("topic_alert_rule", poller.topicAlertRule());
    }
    Percentiles topics = new Percentiles(poller.topicAlertsAfterWindowMillis());
    put(out, "topic_alerts_after_window_p50_ms", topics.at(50));
    put(out, "topic_alerts_after_window_max_ms", topics.at(100));
    out.put("topic_alerts_measured", topics.count());
    put(out, "other_alert_p50_ms", others.at(50));
    out.put("other_alerts_measured", others.count());
    out.put("max_out_of_orderness", stackOutOfOrderness);
    out.put("not_searchable", poller.unseenCount());
    put(out, "sink_p50_ms", sink.at(50));
    put(out, "sink_p99_ms", sink.at(99));
    out.put("alerts", poller.alertsSeen());
    out.put("method", "searchable: ES polled every " + pollMillis + " ms, response time − fetchedAt (spool write); "
        + "sink: indexedAt − fetchedAt (before bulk and refresh); alert: " + watchRules + " watch-list rules "
        + "(minPosts 1) each matching a marker put into one post, latency = alert first seen in ES (same poll) − "
        + "spool write of that post; alert_minus_searchable: the same minus that post's own spool → searchable; webhook: first delivery at a 127.0.0.1 receiver (in-process notifier, default "
        + "notify settings) − the same spool write; during the drain " + drainRate + " unmeasured posts/s keep event time"
        + " moving; topic_alert: first alert of a topic scope citing a post of the injected"
        + " story (root + reposts at " + topicBurstRate + " posts/s), seen − spool write of the story's root;"
        + " topic_alert_after_window: the same alert seen − its firedAt (end of the event-time window that opened it);"
        + " topic_alerts_after_window: the same for every topic-scoped alert;"
        + " other_alert: any other alert, seen − newest run post in its topPosts");
    if (alerts.count() < posts.triggers().size()) {
      out.put("alert_note", (posts.triggers().size() - alerts.count()) + " of " + posts.triggers().size()
          + " marker alerts not seen before the drain deadline (a marker post flagged as spam does not count;"
          + " a marker post behind the watermark is late for its window; a saturated job delays the rest)");
    }
  }

  private static final String WEBHOOK = "webhook";
  private WebhookReceiver receiver;
  private EsConnection notifierConnection;
  private Thread notifierThread;
  private volatile SearchablePoller pollerRef;
  private String stackOutOfOrderness;

  private static void put(ObjectNode out, String key, Long value) {
    if (value == null) {
      out.putNull(key);
    } else {
      out.put(key, value);
    }
  }
}
