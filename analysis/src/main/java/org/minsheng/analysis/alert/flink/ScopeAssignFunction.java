package org.minsheng.analysis.alert.flink;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.alert.ScopeAssigner;
import org.minsheng.analysis.alert.ScopedPost;
import org.minsheng.analysis.model.AnalyzedPost;

/** Emits one {@link ScopedPost} per scope an analysed post counts for (topic, region, keywords, watch-list rules). */
public final class ScopeAssignFunction implements FlatMapFunction<AnalyzedPost, ScopedPost> {
  private static final long serialVersionUID = 1L;

  private final ScopeAssigner assigner;

  public ScopeAssignFunction(ScopeAssigner assigner) {
    this.assigner = assigner;
  }

  @Override
  public void flatMap(AnalyzedPost post, Collector<ScopedPost> out) {
    for (ScopedPost s : assigner.assign(post)) {
      out.collect(s);
    }
  }
}
