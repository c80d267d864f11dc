package org.minsheng.analysis.dedup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * Fans a post out to its duplicate buckets: its exact content key, its four SimHash bands and each sentence hash of
 * its {@link SentenceSketch} (at most {@value SentenceSketch#K}). Keyed by bucket downstream, so each bucket lives on
 * one subtask and the work spreads at any parallelism.
 */
public final class DedupProbeSplitter implements FlatMapFunction<AnalyzedPost, DedupProbe> {
  public static final String EXACT = "exact";
  public static final String BAND = "band";
  public static final String SENTENCE = "sentence";

  @Override
  public void flatMap(AnalyzedPost post, Collector<DedupProbe> out) {
    long simhash = simhashOf(post);
    long[] sketch = SentenceSketch.of(layoutText(post));
    long t = post.post.publishedAt().toEpochMilli();
    String site = post.post.site();
    int probes = 1 + Bands.COUNT + sketch.length;
    out.collect(new DedupProbe("x:" + ContentKey.of(post.normalisedText), post.id(), simhash, sketch, t, site, EXACT,
        probes));
    for (int i = 0; i < Bands.COUNT; i++) {
      out.collect(new DedupProbe(Bands.key(simhash, i), post.id(), simhash, sketch, t, site, BAND, probes));
    }
    for (long h : sketch) {
      out.collect(new DedupProbe(SentenceSketch.key(h), post.id(), simhash, sketch, t, site, SENTENCE, probes));
    }
  }

  /** Title and text with their line breaks (sentence and chrome-line boundaries). */
  static String layoutText(AnalyzedPost p) {
    String title = p.post.title();
    String text = p.post.text() == null ? "" : p.post.text();
    return title == null || title.isBlank() ? text : title + "\n" + text;
  }

  /** The SimHash of a post's tokens (the same in every operator that needs it). */
  public static long simhashOf(AnalyzedPost post) {
    return SimHash.of(post.tokens == null ? java.util.List.of() : post.tokens);
  }
}
