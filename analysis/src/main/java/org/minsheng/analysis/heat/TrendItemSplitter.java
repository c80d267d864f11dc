package org.minsheng.analysis.heat;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * Turns a clustered post into its trend contributions: its topic, its first keywords and its region. Spam contributes
 * nothing (kept out of topics, heat and alerts).
 */
public final class TrendItemSplitter implements FlatMapFunction<AnalyzedPost, TrendItem> {
  private final int keywordsPerPost;

  public TrendItemSplitter(int keywordsPerPost) {
    this.keywordsPerPost = keywordsPerPost;
  }

  @Override
  public void flatMap(AnalyzedPost p, Collector<TrendItem> out) {
    if (p.spam) {
      return;
    }
    if (p.topicId != null) {
      out.collect(item(p, "topic", p.topicId));
    }
    if (p.duplicateOf == null && p.keywords != null) {
      for (int i = 0; i < p.keywords.size() && i < keywordsPerPost; i++) {
        out.collect(item(p, "keyword", p.keywords.get(i)));
      }
    }
    if (p.post.region() != null && !p.post.region().isBlank()) {
      out.collect(item(p, "region", p.post.region()));
    }
  }

  private static TrendItem item(AnalyzedPost p, String kind, String key) {
    TrendItem i = new TrendItem();
    i.kind = kind;
    i.key = key;
    i.eventTime = p.post.publishedAt().toEpochMilli();
    i.reprint = p.duplicateOf != null;
    i.sentiment = p.sentimentLabel;
    if (p.post.metrics() != null) {
      i.interactions = nz(p.post.metrics().reposts()) + nz(p.post.metrics().comments()) + nz(p.post.metrics().likes());
    }
    i.reach = p.post.author() == null ? 0 : nz(p.post.author().followers());
    i.site = p.post.site();
    return i;
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
