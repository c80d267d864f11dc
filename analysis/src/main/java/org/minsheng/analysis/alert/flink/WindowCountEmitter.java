package org.minsheng.analysis.alert.flink;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.WindowAccumulator;
import org.minsheng.analysis.alert.WindowCount;

/** Stamps the accumulator with its window bounds, and marks an early (partial) firing. */
public final class WindowCountEmitter extends ProcessWindowFunction<WindowAccumulator, WindowCount, String, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final AlertSettings.Window limits;

  public WindowCountEmitter(AlertSettings.Window limits) {
    this.limits = limits;
  }

  @Override
  public void process(String scopeId, Context ctx, Iterable<WindowAccumulator> elements, Collector<WindowCount> out) {
    // before the watermark reaches the window's end this is an early (partial) firing of a watch-list window
    boolean early = ctx.currentWatermark() < ctx.window().maxTimestamp();
    for (WindowAccumulator acc : elements) {
      WindowCount c = acc.toCount(ctx.window().getStart(), ctx.window().getEnd(), limits);
      c.early = early;
      out.collect(c);
    }
  }
}
