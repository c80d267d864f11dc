package org.minsheng.ingest.fetch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of {@code base·2^(n-1)}, capped at
 * {@code max}. The jitter spreads retries of many workers so they do not return in lock-step.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** Delay before retry number {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    long cap = max.toMillis();
    long exp = base.toMillis() << Math.min(30, Math.max(0, attempt - 1));
    long full = Math.min(cap, exp < 0 ? cap : exp);
    long half = full / 2;
    return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
  }
}
