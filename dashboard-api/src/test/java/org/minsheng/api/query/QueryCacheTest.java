package org.minsheng.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryCacheTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final AtomicInteger loads = new AtomicInteger();

  QueryCache<String, String> cache(Duration ttl, int max) {
    return new QueryCache<>(ttl, max, now::get);
  }

  String load(String key) {
    return key + "#" + loads.incrementAndGet();
  }

  @Test
  void reusesAnAnswerWithinTheTtlAndReloadsAfter() throws Exception {
    QueryCache<String, String> c = cache(Duration.ofSeconds(5), 100);
    assertThat(c.get("a", this::load)).isEqualTo("a#1");
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(c.get("a", this::load)).isEqualTo("a#1");
    assertThat(c.get("b", this::load)).isEqualTo("b#2");
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(c.get("a", this::load)).isEqualTo("a#3");
  }

  @Test
  void equalRequestRecordsShareOneEntry() throws Exception {
    QueryCache<TrendRequest, String> c = new QueryCache<>(Duration.ofSeconds(5), 100, now::get);
    TimeWindow w = new TimeWindow(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"));
    TrendRequest a = new TrendRequest(PostFilter.of(w).withKeywords(null), Interval.H1, java.time.ZoneId.of("Asia/Shanghai"),
        List.of(new KeywordExpression("地铁", List.of(List.of("地铁")), List.of())));
    TrendRequest b = new TrendRequest(new PostFilter(w, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()), Interval.H1, java.time.ZoneId.of("Asia/Shanghai"),
        List.of(new KeywordExpression("地铁", List.of(List.of("地铁")), List.of())));
    assertThat(c.get(a, k -> "x" + loads.incrementAndGet())).isEqualTo("x1");
    assertThat(c.get(b, k -> "x" + loads.incrementAndGet())).isEqualTo("x1");
    TrendRequest other = new TrendRequest(b.filter(), Interval.M30, b.zone(), b.compare());
    assertThat(c.get(other, k -> "x" + loads.incrementAndGet())).isEqualTo("x2");
  }

  @Test
  void concurrentIdenticalRequestsLoadOnce() throws Exception {
    QueryCache<String, String> c = cache(Duration.ofSeconds(5), 100);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new java.util.ArrayList<>();
      answers.add(pool.submit(() -> c.get("q", k -> {
        started.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        return load(k);
      })));
      started.await(5, TimeUnit.SECONDS);
      for (int i = 0; i < 7; i++) {
        answers.add(pool.submit(() -> c.get("q", this::load)));
      }
      Thread.sleep(100); // the seven are now waiting for the first load
      release.countDown();
      for (Future<String> f : answers) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("q#1");
      }
      assertThat(loads.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failuresAreNotCached() throws Exception {
    QueryCache<String, String> c = cache(Duration.ofSeconds(5), 100);
    assertThatThrownBy(() -> c.get("a", k -> {
      throw new IOException("Elasticsearch down");
    })).isInstanceOf(IOException.class).hasMessage("Elasticsearch down");
    assertThat(c.size()).isZero();
    assertThat(c.get("a", this::load)).isEqualTo("a#1");
  }

  @Test
  void zeroTtlLoadsEveryTime() throws Exception {
    QueryCache<String, String> c = cache(Duration.ZERO, 100);
    assertThat(c.enabled()).isFalse();
    assertThat(c.get("a", this::load)).isEqualTo("a#1");
    assertThat(c.get("a", this::load)).isEqualTo("a#2");
    assertThat(c.size()).isZero();
  }

  @Test
  void staysWithinItsBound() throws Exception {
    QueryCache<String, String> c = cache(Duration.ofSeconds(5), 10);
    for (int i = 0; i < 100; i++) {
      c.get("k" + i, this::load);
      assertThat(c.size()).isLessThanOrEqualTo(10);
    }
    assertThatThrownBy(() -> cache(Duration.ofSeconds(-1), 10)).hasMessageContaining("cache.ttl must not be negative");
    assertThatThrownBy(() -> cache(Duration.ofSeconds(1), 0)).hasMessageContaining("cache.maxEntries must be at least 1");
  }
}
