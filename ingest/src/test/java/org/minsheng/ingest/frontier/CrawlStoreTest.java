package org.minsheng.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStoreTest {
  @TempDir
  Path dir;

  @Test
  void completedWorkSurvivesReopenAndUncompletedClaimsComeBack() {
    Path file = dir.resolve("c.mv.db");
    FrontierEntry seed = FrontierEntry.of("s", "feed", "http://a/feed", false);
    FrontierEntry a1 = FrontierEntry.of("s", "article", "http://a/1", true);
    FrontierEntry a2 = FrontierEntry.of("s", "article", "http://a/2", true);
    try (CrawlStore store = new CrawlStore(file)) {
      assertThat(store.offerSeed(seed)).isTrue();
      assertThat(store.offerSeed(seed)).as("queued once").isFalse();
      CrawlStore.Claim c = store.claimNext(0, e -> true, e -> true).orElseThrow();
      assertThat(store.complete(c, List.of(), List.of(a1, a2), 0)).isEqualTo(2);
      CrawlStore.Claim c1 = store.claimNext(0, e -> true, e -> true).orElseThrow();
      assertThat(c1.entry().url()).isEqualTo("http://a/1");
      store.complete(c1, List.of("p1"), List.of(a1), 0);
      store.claimNext(0, e -> true, e -> true).orElseThrow(); // a2 claimed, never completed: a crash
    }
    try (CrawlStore store = new CrawlStore(file)) {
      assertThat(store.isHandedOver("p1")).isTrue();
      assertThat(store.notHandedOver(List.of("p1", "p2"))).containsExactly("p2");
      CrawlStore.Claim again = store.claimNext(0, e -> true, e -> true).orElseThrow();
      assertThat(again.entry().url()).isEqualTo("http://a/2");
      assertThat(store.claimNext(0, e -> true, e -> true)).isEmpty();
      // a1 is seen: rediscovering it queues nothing
      assertThat(store.complete(again, List.of(), List.of(a1, a2), 0)).isZero();
      assertThat(store.queuedCount()).isZero();
      assertThat(store.offerSeed(seed)).as("seeds are polled again").isTrue();
    }
  }

  @Test
  void deferredEntriesWaitAndFailuresAreKeptWithReason() {
    try (CrawlStore store = new CrawlStore(dir.resolve("d.mv.db"))) {
      store.offerSeed(FrontierEntry.of("s", "feed", "http://a/feed", false));
      CrawlStore.Claim c = store.claimNext(1000, e -> true, e -> true).orElseThrow();
      store.retryLater(c, 5000, 1);
      assertThat(store.claimNext(1000, e -> true, e -> true)).isEmpty();
      assertThat(store.earliestDue(e -> true)).contains(5000L);
      CrawlStore.Claim later = store.claimNext(5000, e -> true, e -> true).orElseThrow();
      assertThat(later.entry().attempts()).isEqualTo(1);
      store.fail(later, "HTTP 503 after 3 retries");
      assertThat(store.failedEntries()).containsValue("HTTP 503 after 3 retries");
      assertThat(store.queuedCount()).isZero();
    }
  }

  @Test
  void anIntentLeftByACrashAfterFlushIsResolvedFromTheSpool() throws Exception {
    Path file = dir.resolve("i.mv.db");
    Path spoolDir = dir.resolve("spool");
    java.time.Instant t = java.time.Instant.now();
    try (CrawlStore store = new CrawlStore(file);
        org.minsheng.handoff.SpoolDirectoryWriter spool =
            new org.minsheng.handoff.SpoolDirectoryWriter(spoolDir, 100, java.time.Duration.ofSeconds(5))) {
      store.recordIntent(List.of("news:a", "news:b"), t.toEpochMilli());
      spool.send(org.minsheng.post.Post.builder().id("news:a").platform("news").text("正文").publishedAt(t).build());
      spool.flush();
      // crash here: flush() returned, complete() never ran
    }
    try (CrawlStore store = new CrawlStore(file)) {
      CrawlStore.Intent intent = store.pendingIntent().orElseThrow();
      assertThat(intent.postIds()).containsExactly("news:a", "news:b");
      java.util.Set<String> delivered = new org.minsheng.ingest.crawl.SpoolDeliveryCheck(spoolDir)
          .delivered(intent.postIds(), java.time.Instant.ofEpochMilli(intent.atMillis()));
      assertThat(delivered).containsExactly("news:a");
      store.resolveIntent(delivered);
      assertThat(store.isHandedOver("news:a")).isTrue();
      assertThat(store.isHandedOver("news:b")).isFalse();
      assertThat(store.pendingIntent()).isEmpty();
    }
  }

  @Test
  void preferredEntriesAreClaimedFirst() {
    try (CrawlStore store = new CrawlStore(dir.resolve("p.mv.db"))) {
      store.offerSeed(FrontierEntry.of("s", "feed", "http://busy/feed", false));
      store.offerSeed(FrontierEntry.of("s", "feed", "http://free/feed", false));
      CrawlStore.Claim c = store.claimNext(0, e -> true, e -> e.url().contains("free")).orElseThrow();
      assertThat(c.entry().url()).isEqualTo("http://free/feed");
    }
  }
}
