package org.minsheng.bench.alert;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.alert.AlertDetector;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.ScopeState;
import org.minsheng.analysis.alert.ScopedPost;
import org.minsheng.analysis.alert.WindowAccumulator;
import org.minsheng.analysis.alert.WindowCount;
import org.minsheng.analysis.alert.eval.SyntheticStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the alerting hot paths per element: adding a post to a window accumulator (once per post and scope) and
 * running every rule, grading and hygiene on a window count (once per scope and window). Run with
 * {@code java -cp 'bench/target/lib/*:bench/target/classes' org.openjdk.jmh.Main AlertDetectorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AlertDetectorBenchmark {
  private final AlertSettings settings = AlertSettings.defaults();
  private AlertDetector detector;
  private ScopeState state;
  private List<ScopedPost> posts;
  private WindowCount[] counts;
  private int next;
  private long windowEnd;

  @Setup(Level.Iteration)
  public void setUp() {
    detector = AlertDetector.fromSettings(settings);
    state = new ScopeState();
    SyntheticStream stream = new SyntheticStream(42, 1, 1, 0, 32);
    posts = stream.posts(0, stream.start() + 15 * 3_600_000L, 30_000);
    counts = new WindowCount[1024];
    for (int i = 0; i < counts.length; i++) {
      WindowAccumulator acc = new WindowAccumulator();
      stream.posts(0, stream.start() + i * 30_000L, 30_000).forEach(p -> acc.add(p, settings.window));
      if (acc.scopeType == null) {
        acc.scopeType = "keyword";
        acc.scopeKey = SyntheticStream.scopeKey(0);
      }
      counts[i] = acc.toCount(0, 30_000, settings.window);
    }
    next = 0;
    windowEnd = 0;
  }

  /** One post into a window accumulator (ops/s = posts/s per core for the counting step). */
  @Benchmark
  public WindowAccumulator accumulatePosts() {
    WindowAccumulator acc = new WindowAccumulator();
    for (ScopedPost p : posts) {
      acc.add(p, settings.window);
    }
    return acc;
  }

  /** One window count through all rules, the level policy and the gate (ops/s = scope-windows/s per core). */
  @Benchmark
  public Object detectWindow() {
    WindowCount c = counts[next++ & (counts.length - 1)];
    c.windowStart = windowEnd;
    c.windowEnd = windowEnd + 30_000;
    windowEnd += 30_000;
    return detector.onWindow(state, c);
  }
}
