package org.minsheng.ingest.source;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of one source; {@link #snapshot()} gives the immutable view used by logs, the API and Elasticsearch. */
public final class SourceCounters {
  private final String source;
  private final String platform;
  private final LongAdder fetched = new LongAdder();
  private final LongAdder posts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder blocked = new LongAdder();
  private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
  private volatile boolean healthy = true;
  private volatile String reason;
  private volatile Instant lastSuccess;
  private volatile Instant lastError;
  private volatile Instant pausedUntil;

  public SourceCounters(String source, String platform) {
    this.source = source;
    this.platform = platform;
  }

  public void fetched() {
    fetched.increment();
  }

  public void posts(int n) {
    posts.add(n);
  }

  public void success(Instant at) {
    lastSuccess = at;
    healthy = true;
    reason = null;
    pausedUntil = null;
  }

  public void skipped(String why) {
    String key = why.length() > 80 ? why.substring(0, 80) : why;
    skipped.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  public void error(String why, Instant at) {
    errors.increment();
    lastError = at;
    reason = why;
  }

  public void blocked(String why, Instant at, Instant until) {
    blocked.increment();
    healthy = false;
    reason = why;
    lastError = at;
    pausedUntil = until;
  }

  public Instant pausedUntil() {
    return pausedUntil;
  }

  public SourceHealth snapshot() {
    Map<String, Long> skips = new TreeMap<>();
    skipped.forEach((k, v) -> skips.put(k, v.sum()));
    long skippedTotal = skips.values().stream().mapToLong(Long::longValue).sum();
    return new SourceHealth(source, platform, fetched.sum(), posts.sum(), skippedTotal, skips, errors.sum(),
        blocked.sum(), healthy, reason, lastSuccess, lastError, pausedUntil);
  }
}
