package org.minsheng.analysis.alert.flink;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.ScopedPost;
import org.minsheng.analysis.alert.WindowAccumulator;

/** Incremental per-window count of a scope (bounded accumulator, see {@link WindowAccumulator}). */
public final class WindowCountAggregate implements AggregateFunction<ScopedPost, WindowAccumulator, WindowAccumulator> {
  private static final long serialVersionUID = 1L;

  private final AlertSettings.Window limits;

  public WindowCountAggregate(AlertSettings.Window limits) {
    this.limits = limits;
  }

  @Override
  public WindowAccumulator createAccumulator() {
    return new WindowAccumulator();
  }

  @Override
  public WindowAccumulator add(ScopedPost value, WindowAccumulator acc) {
    acc.add(value, limits);
    return acc;
  }

  @Override
  public WindowAccumulator getResult(WindowAccumulator acc) {
    return acc;
  }

  @Override
  public WindowAccumulator merge(WindowAccumulator a, WindowAccumulator b) {
    a.merge(b, limits);
    return a;
  }
}
