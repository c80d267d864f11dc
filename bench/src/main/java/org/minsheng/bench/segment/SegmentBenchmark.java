package org.minsheng.bench.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.nlp.HanLpSegmenter;
import org.minsheng.analysis.nlp.Token;
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

/** The job's {@link HanLpSegmenter} (with the job's custom words) on one normalised post. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SegmentBenchmark {
  private HanLpSegmenter segmenter;
  private List<String> texts;
  private int next;

  @Setup
  public void setUp() {
    segmenter = new HanLpSegmenter(AnalysisConfig.load().customWords());
    TextNormaliser normaliser = TextNormaliser.withHanLpTable();
    texts = new ArrayList<>();
    for (Post p : BenchTexts.posts()) {
      texts.add(normaliser.normalise(p.title(), p.text()));
    }
  }

  /** Posts per second. */
  @Benchmark
  public List<Token> segment() {
    return segmenter.segment(texts.get(next++ % texts.size()));
  }
}
