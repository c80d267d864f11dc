package org.minsheng.analysis.heat;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Labels a window's sums with its key and bounds; heat and growth are added by {@link HeatScorer}. */
public final class TrendWindowFunction
    extends ProcessWindowFunction<TrendAccumulator.Acc, TrendRollup, String, TimeWindow> {

  @Override
  public void process(String trendKey, Context ctx, Iterable<TrendAccumulator.Acc> sums, Collector<TrendRollup> out) {
    TrendAccumulator.Acc a = sums.iterator().next();
    int colon = trendKey.indexOf(':');
    TrendRollup r = new TrendRollup();
    r.kind = trendKey.substring(0, colon);
    r.key = trendKey.substring(colon + 1);
    r.windowStart = ctx.window().getStart();
    r.windowEnd = ctx.window().getEnd();
    r.volume = a.volume;
    r.reprints = a.reprints;
    r.negative = a.negative;
    r.neutral = a.neutral;
    r.positive = a.positive;
    r.interactions = a.interactions;
    r.reach = a.reach;
    r.sites = a.sites.size();
    out.collect(r);
  }
}
