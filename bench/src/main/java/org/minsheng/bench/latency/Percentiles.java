package org.minsheng.bench.latency;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of millisecond latencies. */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /** The p-th percentile (0 < p ≤ 100) by nearest rank; null when there are no values. */
  public Long at(double p) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
