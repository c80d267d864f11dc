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
  /** Scope types emitted; null = all. */
  private final java.util.Set<String> types;
  private final boolean include;

  public ScopeAssignFunction(ScopeAssigner assigner) {
    this(assigner, null, true);
  }

  /**
   * @param types scope types ({@link org.minsheng.analysis.alert.ScopeType}) to emit ({@code include}) or to leave out
   */
  public ScopeAssignFunction(ScopeAssigner assigner, java.util.Set<String> types, boolean include) {
    this.assigner = assigner;
    this.types = types == null ? null : java.util.Set.copyOf(types);
    this.include = include;
  }

  @Override
  public void flatMap(AnalyzedPost post, Collector<ScopedPost> out) {
    for (ScopedPost s : assigner.assign(post)) {
      if (types == null || types.contains(s.scopeType) == include) {
        out.collect(s);
      }
    }
  }
}
