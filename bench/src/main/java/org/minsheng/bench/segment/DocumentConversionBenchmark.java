package org.minsheng.bench.segment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.nlp.HanLpSegmenter;
import org.minsheng.analysis.nlp.Token;
import org.minsheng.analysis.sink.PostDocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;
import org.minsheng.es.IndexNames;
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
 * {@link PostDocumentConverter}: an analysed post (tokens, sentiment set) → its Elasticsearch document, plus the
 * serialisation to the bulk body's JSON, which the sink does next.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DocumentConversionBenchmark {
  private PostDocumentConverter converter;
  private List<AnalyzedPost> analysed;
  private int next;

  @Setup
  public void setUp() {
    converter = new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC());
    HanLpSegmenter segmenter = new HanLpSegmenter();
    analysed = new ArrayList<>();
    for (Post p : BenchTexts.posts()) {
      AnalyzedPost a = new AnalyzedPost(p);
      a.normalisedText = p.title() == null ? p.text() : p.title() + "\n" + p.text();
      a.tokens = new ArrayList<>();
      a.pos = new ArrayList<>();
      for (Token t : segmenter.segment(a.normalisedText)) {
        a.tokens.add(t.word());
        a.pos.add(t.pos());
      }
      a.sentimentLabel = "negative";
      a.sentimentScore = -0.6;
      a.sentimentConfidence = 0.8;
      analysed.add(a);
    }
  }

  /** Documents per second (converter only). */
  @Benchmark
  public SinkDocument convert() {
    return converter.convert(analysed.get(next++ % analysed.size()));
  }

  /** Documents per second, converted and written as JSON text (what the bulk request carries). */
  @Benchmark
  public String convertAndSerialise() {
    return converter.convert(analysed.get(next++ % analysed.size())).source().toString();
  }
}
