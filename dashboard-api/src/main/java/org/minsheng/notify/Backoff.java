package org.minsheng.notify;

import java.time.Duration;

/**
 * Exponential backoff: {@code initial × multiplier^(attempts−1)}, capped at {@code max}. With the defaults (5 s, ×2,
 * 2 min) a receiver that comes back after ten minutes is retried within two minutes of its return.
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

  /** Wait after the {@code attempts}-th failed attempt (1-based). */
  public Duration after(int attempts) {
    double ms = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
    return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
  }
}
