package org.minsheng.analysis.dedup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * Fans a post out to its {@value #PROBES} duplicate buckets: its exact content key and its four SimHash bands. Keyed
 * by bucket downstream, so each bucket lives on one subtask and the work spreads at any parallelism.
 */
public final class DedupProbeSplitter implements FlatMapFunction<AnalyzedPost, DedupProbe> {
  public static final int PROBES = Bands.COUNT + 1;

  @Override
  public void flatMap(AnalyzedPost post, Collector<DedupProbe> out) {
    long simhash = simhashOf(post);
    long t = post.post.publishedAt().toEpochMilli();
    String site = post.post.site();
    out.collect(new DedupProbe("x:" + ContentKey.of(post.normalisedText), post.id(), simhash, t, site, true));
    for (int i = 0; i < Bands.COUNT; i++) {
      out.collect(new DedupProbe(Bands.key(simhash, i), post.id(), simhash, t, site, false));
    }
  }

  /** The SimHash of a post's tokens (the same in every operator that needs it). */
  public static long simhashOf(AnalyzedPost post) {
    return SimHash.of(post.tokens == null ? java.util.List.of() : post.tokens);
  }
}
