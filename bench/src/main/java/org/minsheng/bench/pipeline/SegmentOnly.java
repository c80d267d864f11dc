package org.minsheng.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minsheng.analysis.nlp.HanLpSegmenter;

/**
 * The hot stage's bound: posts/s of the job's {@link HanLpSegmenter} alone over the same texts the job segments
 * (normalised title + text), on {@code threads} threads (one segmenter each, as one per operator subtask), after an
 * untimed warm-up pass so the JIT has compiled the segmenter as it has in a running job.
 */
public final class SegmentOnly {
  private SegmentOnly() {}

  /** Throughput of the timed pass and the process CPU it took (milliseconds per post, -1 when unknown). */
  public record Result(double postsPerSecond, double cpuMsPerPost) {}

  /** Posts per second over all of {@code texts}, split round-robin across {@code threads}. */
  public static double postsPerSecond(List<String> texts, int threads, List<String> customWords) throws Exception {
    return measure(texts, threads, customWords).postsPerSecond();
  }

  /** As {@link #postsPerSecond}, with the CPU the timed pass cost. */
  public static Result measure(List<String> texts, int threads, List<String> customWords) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<HanLpSegmenter> segmenters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        segmenters.add(new HanLpSegmenter(customWords));
      }
      int warmup = Math.min(texts.size(), 20_000);
      run(pool, segmenters, texts.subList(0, warmup));
      long cpu0 = CpuTime.millis(ProcessHandle.current());
      long t0 = System.nanoTime();
      long tokens = run(pool, segmenters, texts);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpu1 = CpuTime.millis(ProcessHandle.current());
      if (tokens == 0) {
        throw new IllegalStateException("segmenter produced no tokens");
      }
      Double cpu = CpuTime.perItem(cpu0, cpu1, texts.size());
      return new Result(texts.size() / seconds, cpu == null ? -1 : cpu);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long run(ExecutorService pool, List<HanLpSegmenter> segmenters, List<String> texts) throws Exception {
    int threads = segmenters.size();
    List<Future<Long>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      HanLpSegmenter segmenter = segmenters.get(t);
      parts.add(pool.submit(() -> {
        long tokens = 0;
        for (int i = first; i < texts.size(); i += threads) {
          tokens += segmenter.segment(texts.get(i)).size();
        }
        return tokens;
      }));
    }
    long tokens = 0;
    for (Future<Long> part : parts) {
      tokens += part.get();
    }
    return tokens;
  }
}
