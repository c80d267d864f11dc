package org.minsheng.ingest.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness, in one place: at most {@code concurrency} requests in flight per host and at least
 * {@code delay} between the starts of two requests to one host. A host can be pushed back (Retry-After, backoff) with
 * {@link #deferUntil}. Every request of the crawler goes through {@link #acquire} / {@link #release}.
 */
public final class HostScheduler {
  private final Duration defaultDelay;
  private final int concurrency;
  private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostScheduler(Duration defaultDelay, int concurrency) {
    this.defaultDelay = defaultDelay;
    this.concurrency = concurrency;
  }

  private static final class HostState {
    final Semaphore slots;
    long nextStartNanos = System.nanoTime();
    long delayNanos;

    HostState(int concurrency, long delayNanos) {
      this.slots = new Semaphore(concurrency, true);
      this.delayNanos = delayNanos;
    }
  }

  private HostState state(String host) {
    return hosts.computeIfAbsent(host, h -> new HostState(concurrency, defaultDelay.toNanos()));
  }

  /** Raises the delay for a host (e.g. robots.txt Crawl-delay); never lowers it below the default. */
  public void setDelay(String host, Duration delay) {
    HostState s = state(host);
    synchronized (s) {
      s.delayNanos = Math.max(defaultDelay.toNanos(), delay.toNanos());
    }
  }

  public Duration delay(String host) {
    HostState s = state(host);
    synchronized (s) {
      return Duration.ofNanos(s.delayNanos);
    }
  }

  /** Blocks until this host may receive one more request; pair with {@link #release}. */
  public void acquire(String host) throws InterruptedException {
    HostState s = state(host);
    s.slots.acquire();
    try {
      while (true) {
        long wait;
        synchronized (s) {
          long now = System.nanoTime();
          wait = s.nextStartNanos - now;
          if (wait <= 0) {
            s.nextStartNanos = now + s.delayNanos;
            return;
          }
        }
        Thread.sleep(Math.max(1, wait / 1_000_000));
      }
    } catch (InterruptedException | RuntimeException e) {
      s.slots.release();
      throw e;
    }
  }

  public void release(String host) {
    state(host).slots.release();
  }

  /** No request to this host starts before {@code delay} from now (Retry-After, backoff). */
  public void deferUntil(String host, Duration delay) {
    HostState s = state(host);
    synchronized (s) {
      s.nextStartNanos = Math.max(s.nextStartNanos, System.nanoTime() + delay.toNanos());
    }
  }

  /** Time until the host accepts its next request (zero when free now). */
  public Duration waitFor(String host) {
    HostState s = state(host);
    synchronized (s) {
      return Duration.ofNanos(Math.max(0, s.nextStartNanos - System.nanoTime()));
    }
  }
}
