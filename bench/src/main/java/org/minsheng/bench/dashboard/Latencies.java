package org.minsheng.bench.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** Request latencies in nanoseconds → nearest-rank percentiles in milliseconds (one decimal). */
final class Latencies {
  private long[] values = new long[1024];
  private int size;
  private long errors;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized void error() {
    errors++;
  }

  synchronized void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
    errors += other.errors;
  }

  synchronized int count() {
    return size;
  }

  synchronized long errors() {
    return errors;
  }

  /** The p-th percentile (0 < p ≤ 100) in ms by nearest rank; NaN when empty. */
  synchronized double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return ms(sorted[Math.max(0, Math.min(size - 1, rank - 1))]);
  }

  synchronized double max() {
    return size == 0 ? Double.NaN : ms(Arrays.stream(values, 0, size).max().getAsLong());
  }

  /** {@code {"n","errors","p50_ms","p95_ms","p99_ms","max_ms"}}. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("n", count());
    o.put("errors", errors());
    o.put("p50_ms", percentile(50));
    o.put("p95_ms", percentile(95));
    o.put("p99_ms", percentile(99));
    o.put("max_ms", max());
    return o;
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }
}
