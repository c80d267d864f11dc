package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  @Test
  void runsAtStartAgainOnScheduleAndSurvivesAFailedRun() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    try (RetentionSchedule schedule = RetentionSchedule.of(() -> {
      three.countDown();
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("Elasticsearch at http://127.0.0.1:1: connection refused");
      }
    }, Duration.ofMillis(20))) {
      assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(schedule.failures()).isEqualTo(1);
    }
    int after = calls.get();
    Thread.sleep(100);
    assertThat(calls.get()).as("no run after close").isEqualTo(after);
  }

  @Test
  void firstRunIsImmediateNotAfterTheInterval() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    try (RetentionSchedule schedule = RetentionSchedule.of(ran::countDown, Duration.ofDays(1))) {
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
