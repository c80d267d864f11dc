package org.minsheng.bench.segment;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.normalise.NormaliseFunction;
import org.minsheng.analysis.normalise.TextNormaliser;
import org.minsheng.post.Post;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link TextNormaliser} (full-width, traditional → simplified, whitespace) on one post's title + text, and the job's
 * normalise stage on one post.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class NormaliseBenchmark {
  private TextNormaliser normaliser;
  private List<Post> posts;
  private int next;

  @Setup
  public void setUp() {
    normaliser = TextNormaliser.withHanLpTable();
    posts = BenchTexts.posts();
  }

  /** Posts per second. */
  @Benchmark
  public String normalise() {
    Post p = posts.get(next++ % posts.size());
    return normaliser.normalise(p.title(), p.text());
  }

  /** Posts per second through the job's normalise stage as it is ({@code NormaliseFunction.normalise}). */
  @Benchmark
  public AnalyzedPost normaliseStage() {
    return NormaliseFunction.normalise(normaliser, new AnalyzedPost(posts.get(next++ % posts.size())));
  }
}
