package org.minsheng.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostSchedulerTest {
  @Test
  void concurrencyPerHostIsCappedAndOtherHostsAreIndependent() throws Exception {
    HostScheduler s = new HostScheduler(Duration.ZERO, 2);
    AtomicInteger inA = new AtomicInteger();
    AtomicInteger maxA = new AtomicInteger();
    AtomicInteger inB = new AtomicInteger();
    AtomicInteger maxB = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 16; i++) {
      String host = i % 2 == 0 ? "a" : "b";
      AtomicInteger in = host.equals("a") ? inA : inB;
      AtomicInteger max = host.equals("a") ? maxA : maxB;
      pool.submit(() -> {
        s.acquire(host);
        try {
          max.accumulateAndGet(in.incrementAndGet(), Math::max);
          Thread.sleep(20);
          in.decrementAndGet();
        } finally {
          s.release(host);
        }
        return null;
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(maxA.get()).isEqualTo(2);
    assertThat(maxB.get()).isEqualTo(2);
  }

  @Test
  void deferUntilHoldsTheHostBack() throws Exception {
    HostScheduler s = new HostScheduler(Duration.ZERO, 1);
    long t0 = System.nanoTime();
    s.deferUntil("h", Duration.ofMillis(150));
    assertThat(s.waitFor("h")).isPositive();
    assertThat(s.waitFor("other")).isZero();
    s.acquire("h");
    s.release("h");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
  }
}
