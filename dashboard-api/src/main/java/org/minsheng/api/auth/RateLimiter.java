package org.minsheng.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per key (token name): {@code perMinute} requests per minute, bursts up to that many. */
public final class RateLimiter {
  private final double capacity;
  private final double refillPerNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute, LongSupplier nanoTime) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("auth.rateLimitPerMinute must be at least 1, got " + perMinute);
    }
    this.capacity = perMinute;
    this.refillPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    this.nanoTime = nanoTime;
  }

  /** @return empty if allowed, else how long to wait before the next request would be allowed */
  public Duration tryAcquire(String key) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoTime.getAsLong()));
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.last) * refillPerNano);
      bucket.last = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / refillPerNano));
    }
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }
}
