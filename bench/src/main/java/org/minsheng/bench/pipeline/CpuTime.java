package org.minsheng.bench.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * CPU time consumed by processes, read from the operating system ({@link ProcessHandle.Info#totalCpuDuration()}).
 *
 * <p>On a shared, loaded machine wall-clock throughput moves with everybody else's load; the CPU a process spends per
 * post barely does. The harnesses report both, so that two runs of different code can be compared by their CPU cost
 * even when their posts/s are not comparable.
 */
public final class CpuTime {
  private CpuTime() {}

  /** Total CPU (user + system) of {@code process} so far, in milliseconds; -1 when the OS does not tell. */
  public static long millis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }

  /** Sum of {@link #millis} over {@code processes}; -1 when any is unknown or the list is empty. */
  public static long millis(List<ProcessHandle> processes) {
    long sum = 0;
    for (ProcessHandle p : processes) {
      long ms = millis(p);
      if (ms < 0) {
        return -1;
      }
      sum += ms;
    }
    return processes.isEmpty() ? -1 : sum;
  }

  /** CPU milliseconds per item, rounded to three decimals; null when either reading was unknown. */
  public static Double perItem(long beforeMs, long afterMs, long items) {
    if (beforeMs < 0 || afterMs < 0 || items <= 0) {
      return null;
    }
    return Math.round((afterMs - beforeMs) * 1000.0 / items) / 1000.0;
  }
}
