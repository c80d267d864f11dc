package org.minsheng.ingest.crawl;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.minsheng.handoff.PostHandOff;
import org.minsheng.ingest.fetch.FetchRequest;
import org.minsheng.ingest.fetch.FetchResult;
import org.minsheng.ingest.fetch.PoliteFetcher;
import org.minsheng.ingest.fetch.UrlCanonicalizer;
import org.minsheng.ingest.frontier.CrawlStore;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.Source;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.source.SourceCounters;
import org.minsheng.ingest.source.SourceHealth;
import org.minsheng.post.Post;
import org.minsheng.post.PostValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl loop: worker threads claim due entries from the persistent frontier ({@link CrawlStore}), fetch them
 * through the one {@link PoliteFetcher}, let the owning {@link Source} parse them, hand new posts to the
 * {@link PostHandOff}, and only after {@code flush()} returned record the posts as handed over, queue the discovered
 * pages and retire the entry, in one store commit. Before sending, the post ids are recorded as an intent; a crash
 * between {@code flush()} and that commit is resolved at the next start by asking the output ({@link DeliveryCheck})
 * which of them arrived. So a crash at any point repeats only pages whose posts were not durable, and no post is lost
 * or emitted twice.
 *
 * <p>Use: {@code new Crawler(config, handOff, clock, env)}, then {@link #start(boolean)} and {@link #stop()}, or
 * {@link #runOnce(Duration)}. {@link #health()} feeds the API's source-health view.
 */
public final class Crawler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

  private final CrawlConfig config;
  private final PostHandOff handOff;
  private final DeliveryCheck deliveryCheck;
  private final Clock clock;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, SourceCounters> counters = new LinkedHashMap<>();
  private final Map<String, Integer> consecutiveBlocks = new ConcurrentHashMap<>();
  private final PostValidator validator;
  private final Object emitLock = new Object();
  private final SourcesIndexWriter sourcesIndex;
  private CrawlStore store;
  private PoliteFetcher fetcher;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private volatile boolean once;
  private CountDownLatch finished = new CountDownLatch(1);

  /** A crawler handing over to the spool directory of {@code config} (delivery checked there after a crash). */
  public Crawler(CrawlConfig config, PostHandOff handOff, Clock clock, Map<String, String> env) {
    this(config, handOff, new SpoolDeliveryCheck(config.spoolDirectory()), clock, env, Extraction.defaults());
  }

  public Crawler(CrawlConfig config, PostHandOff handOff, DeliveryCheck deliveryCheck, Clock clock,
      Map<String, String> env, Extraction extraction) {
    this.config = config;
    this.handOff = handOff;
    this.deliveryCheck = deliveryCheck;
    this.clock = clock;
    this.validator = new PostValidator(clock);
    for (SourceConfig sc : config.sources()) {
      if (!sc.enabled()) {
        continue;
      }
      Source s = SourceFactory.create(sc, env, clock, extraction);
      sources.put(sc.name(), s);
      counters.put(sc.name(), new SourceCounters(sc.name(), s.platform()));
    }
    this.sourcesIndex = config.elasticsearchUrl() == null ? null : new SourcesIndexWriter(config.elasticsearchUrl());
  }

  /** Opens the store, queues the seeds and starts the workers. {@code once}: stop when nothing is due any more. */
  public synchronized void start(boolean onceMode) {
    if (running) {
      throw new IllegalStateException("crawler already running");
    }
    this.once = onceMode;
    this.finished = new CountDownLatch(1);
    this.store = new CrawlStore(config.storeFile());
    this.fetcher = new PoliteFetcher(config.fetch());
    resolvePendingIntent();
    int seeded = 0;
    for (Source s : sources.values()) {
      for (FrontierEntry seed : s.seeds()) {
        if (store.offerSeed(seed.with("seed", "1"))) {
          seeded++;
        }
      }
    }
    LOG.info("crawler starting ({} mode): {} sources, {} seeds newly queued, {} queued in total, {} posts handed over before",
        onceMode ? "once" : "continuous", sources.size(), seeded, store.queuedCount(), store.handedOverCount());
    running = true;
    for (int i = 0; i < config.threads(); i++) {
      Thread t = new Thread(this::workLoop, "crawl-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread stats = new Thread(this::statsLoop, "crawl-stats");
    stats.setDaemon(true);
    threads.add(stats);
    stats.start();
  }

  /** A crash between flush() and the store commit left an intent: record whichever of its posts did arrive. */
  private void resolvePendingIntent() {
    Optional<CrawlStore.Intent> intent = store.pendingIntent();
    if (intent.isEmpty()) {
      return;
    }
    try {
      Set<String> delivered = deliveryCheck.delivered(intent.get().postIds(), Instant.ofEpochMilli(intent.get().atMillis()));
      store.resolveIntent(delivered);
      LOG.info("resolved an interrupted hand-off: {} of {} posts had arrived and are recorded as handed over",
          delivered.size(), intent.get().postIds().size());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot check which posts of an interrupted hand-off arrived", e);
    }
  }

  /** Runs in --once mode until done or {@code timeout}; returns whether it finished by itself. */
  public boolean runOnce(Duration timeout) throws InterruptedException {
    start(true);
    boolean done = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    stop();
    return done;
  }

  /** Blocks until a --once crawl has nothing left to do. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the workers (entries in flight stay queued), logs and publishes final counters, closes the store. */
  public synchronized void stop() {
    if (!running && store == null) {
      return;
    }
    running = false;
    // Interrupt only while holding emitLock: no worker is then inside a hand-off or store commit, and one that enters
    // later sees the flag at the door (an interrupt inside FileChannel.force or an MVStore write would close the file).
    synchronized (emitLock) {
      for (Thread t : threads) {
        t.interrupt();
      }
    }
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    reportStats();
    if (fetcher != null) {
      fetcher.close();
    }
    if (store != null) {
      store.close();
      store = null;
    }
    finished.countDown();
    LOG.info("crawler stopped");
  }

  @Override
  public void close() {
    stop();
  }

  /** Current counters and health of every source. */
  public List<SourceHealth> health() {
    List<SourceHealth> out = new ArrayList<>();
    counters.values().forEach(c -> out.add(c.snapshot()));
    return out;
  }

  private boolean sourceActive(FrontierEntry e, long now) {
    SourceCounters c = counters.get(e.source());
    if (c == null) {
      return false;
    }
    Instant paused = c.pausedUntil();
    return paused == null || paused.toEpochMilli() <= now;
  }

  private void workLoop() {
    while (running && !Thread.currentThread().isInterrupted()) {
      long now = clock.millis();
      Predicate<FrontierEntry> allowed = e -> sourceActive(e, now);
      Predicate<FrontierEntry> hostFree = e -> fetcher.scheduler().waitFor(host(e)).isZero();
      Optional<CrawlStore.Claim> claim;
      try {
        claim = store.claimNext(now, allowed, hostFree);
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        throw e;
      }
      if (claim.isEmpty()) {
        if (once && store.isIdle(now + config.onceMaxWait().toMillis(), e -> counters.containsKey(e.source()))) {
          LOG.info("crawl finished: nothing due within {} ({} entries stay queued for later)", config.onceMaxWait(),
              store.queuedCount());
          finished.countDown();
          return;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      try {
        process(claim.get());
      } catch (InterruptedException e) {
        store.unclaim(claim.get());
        return;
      } catch (RuntimeException e) {
        LOG.error("crawl of {} failed unexpectedly; entry given up", claim.get().entry().url(), e);
        counters.get(claim.get().entry().source()).error("internal error: " + e, clock.instant());
        CrawlStore.Claim failed = claim.get();
        guarded(() -> store.fail(failed, "internal error: " + e));
      }
    }
  }

  private static String host(FrontierEntry e) {
    try {
      return UrlCanonicalizer.hostKey(URI.create(e.url()));
    } catch (IllegalArgumentException bad) {
      return "";
    }
  }

  private void process(CrawlStore.Claim claim) throws InterruptedException {
    FrontierEntry entry = claim.entry();
    Source source = sources.get(entry.source());
    SourceCounters c = counters.get(entry.source());
    FetchRequest request = source.request(entry);
    if (!entry.oneShot()) {
      Optional<String[]> v = store.validators(entry.url());
      if (v.isPresent()) {
        request = new FetchRequest(request.uri(), request.headers(), blankToNull(v.get()[0]), blankToNull(v.get()[1]));
      }
    }
    FetchResult result = fetcher.fetch(request);
    if (!running) {
      store.unclaim(claim);
      throw new InterruptedException("stopping");
    }
    if (result.attempts() > 0) {
      c.fetched();
    }
    Instant now = clock.instant();
    long requeueAt = !once && entry.attr("seed") != null ? now.plus(source.config().refresh()).toEpochMilli() : 0;
    switch (result.outcome()) {
      case OK -> {
        if (!entry.oneShot()) {
          store.putValidators(entry.url(), result.etag(), result.lastModified());
        }
        PageOutcome outcome;
        try {
          outcome = source.parse(entry, result);
        } catch (RuntimeException e) {
          LOG.warn("{}: parser failed on {}: {}", entry.source(), entry.url(), e.toString());
          c.error("parser failed on " + entry.url() + ": " + e, now);
          guarded(() -> store.fail(claim, "parser failed: " + e));
          return;
        }
        if (outcome.isBlocked()) {
          block(claim, c, source, outcome.blockedReason());
          return;
        }
        emit(claim, outcome, c, requeueAt);
      }
      case NOT_MODIFIED -> {
        c.skipped("not modified");
        c.success(now);
        guarded(() -> store.complete(claim, List.of(), List.of(), requeueAt));
      }
      case DISALLOWED, TOO_LARGE, NOT_TEXT, REDIRECT_LOOP, TOO_MANY_REDIRECTS -> {
        LOG.info("{}: skipped {}: {}", entry.source(), entry.url(), result.reason());
        c.skipped(result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        guarded(() -> store.complete(claim, List.of(), List.of(), requeueAt));
      }
      case BLOCKED -> block(claim, c, source, result.reason());
      case HTTP_ERROR, NETWORK_ERROR -> {
        if (result.status() == 403 && entry.attr("seed") != null) {
          // an entry point refusing us is a site-wide refusal (WAF, IP ban), not one private page
          block(claim, c, source, "HTTP 403 on entry point " + entry.url());
          return;
        }
        boolean permanent = result.status() >= 400 && result.status() < 500 && result.status() != 429;
        if (permanent) {
          LOG.info("{}: skipped {}: {}", entry.source(), entry.url(), result.reason());
          c.skipped("HTTP " + result.status());
          guarded(() -> store.complete(claim, List.of(), List.of(), requeueAt));
          return;
        }
        c.error(result.reason(), now);
        int attempts = entry.attempts() + 1;
        if (attempts >= config.pageMaxAttempts()) {
          LOG.warn("{}: giving up {} after {} attempts: {}", entry.source(), entry.url(), attempts, result.reason());
          guarded(() -> store.fail(claim, result.reason()));
        } else {
          long at = now.plus(config.retryDelay().multipliedBy(attempts)).toEpochMilli();
          LOG.info("{}: {} failed ({}); retry {} at {}", entry.source(), entry.url(), result.reason(), attempts, Instant.ofEpochMilli(at));
          guarded(() -> store.retryLater(claim, at, attempts));
        }
      }
      default -> throw new IllegalStateException("unhandled outcome " + result.outcome());
    }
  }

  /**
   * Runs a store mutation of a worker unless the crawler is stopping (then the entry simply stays queued and is done
   * again next time, which is safe because these paths hand nothing over).
   */
  private void guarded(Runnable mutation) {
    synchronized (emitLock) {
      if (Thread.interrupted() || !running) {
        Thread.currentThread().interrupt();
        return;
      }
      mutation.run();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private void block(CrawlStore.Claim claim, SourceCounters c, Source source, String reason) {
    Instant now = clock.instant();
    int n = consecutiveBlocks.merge(source.name(), 1, Integer::sum);
    Duration pause = source.config().blockBackoff().multipliedBy(1L << Math.min(20, n - 1));
    if (pause.compareTo(config.maxBlockBackoff()) > 0) {
      pause = config.maxBlockBackoff();
    }
    Instant until = now.plus(pause);
    c.blocked(reason, now, until);
    LOG.warn("{}: BLOCKED ({}) on {}; source paused for {} until {} (block #{} in a row); the page stays queued",
        source.name(), reason, claim.entry().url(), pause, until, n);
    guarded(() -> store.retryLater(claim, until.toEpochMilli(), claim.entry().attempts()));
  }

  private void emit(CrawlStore.Claim claim, PageOutcome outcome, SourceCounters c, long requeueAt) {
    Instant now = clock.instant();
    outcome.skipped().forEach(c::skipped);
    int sent;
    synchronized (emitLock) {
      if (Thread.interrupted() || !running) {
        Thread.currentThread().interrupt(); // stopping: nothing sent, the entry stays queued
        return;
      }
      Map<String, Post> byId = new LinkedHashMap<>();
      for (Post p : outcome.posts()) {
        List<String> problems = validator.problems(p);
        if (!problems.isEmpty()) {
          LOG.warn("{}: invalid post {} from {} not handed over: {}", claim.entry().source(), p.id(), claim.entry().url(), problems);
          c.skipped("invalid post: " + problems.get(0));
          continue;
        }
        byId.putIfAbsent(p.id(), p);
      }
      Set<String> fresh = new LinkedHashSet<>(store.notHandedOver(byId.keySet()));
      int already = byId.size() - fresh.size();
      for (int i = 0; i < already; i++) {
        c.skipped("already handed over");
      }
      try {
        if (!fresh.isEmpty()) {
          store.recordIntent(fresh, now.toEpochMilli());
        }
        for (String id : fresh) {
          handOff.send(byId.get(id));
        }
        handOff.flush();
      } catch (IOException e) {
        LOG.error("{}: hand-off failed for {}; the page stays queued: {}", claim.entry().source(), claim.entry().url(), e.toString());
        c.error("hand-off failed: " + e.getMessage(), now);
        store.retryLater(claim, now.plus(config.retryDelay()).toEpochMilli(), claim.entry().attempts());
        return;
      }
      store.complete(claim, fresh, outcome.links(), requeueAt);
      sent = fresh.size();
    }
    c.posts(sent);
    c.success(now);
    consecutiveBlocks.remove(claim.entry().source());
  }

  private void statsLoop() {
    while (running) {
      try {
        Thread.sleep(config.statsInterval().toMillis());
      } catch (InterruptedException e) {
        return;
      }
      reportStats();
    }
  }

  private void reportStats() {
    List<SourceHealth> hs = health();
    for (SourceHealth h : hs) {
      LOG.info("source {} [{}]: fetched={} posts={} skipped={} {} errors={} blocked={} healthy={}{} lastSuccess={}",
          h.source(), h.platform(), h.fetched(), h.posts(), h.skipped(), h.skippedByReason(), h.errors(), h.blocked(),
          h.healthy(), h.reason() == null ? "" : " reason=" + h.reason(), h.lastSuccess());
    }
    if (store != null) {
      LOG.info("frontier: {} queued, {} pages seen, {} posts handed over", store.queuedCount(), store.seenCount(),
          store.handedOverCount());
    }
    if (sourcesIndex != null) {
      sourcesIndex.write(hs);
    }
  }
}
