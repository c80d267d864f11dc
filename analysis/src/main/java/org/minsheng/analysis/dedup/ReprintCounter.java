package org.minsheng.analysis.dedup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by original post id: counts reprints and collects their sites, emitting the cumulative
 * {@link ReprintUpdate} for the original's document on every reprint. State is dropped when the original can no longer
 * be matched (original time + dedup TTL, event time).
 */
public final class ReprintCounter extends KeyedProcessFunction<String, ReprintNotice, ReprintUpdate> {
  private final DedupSettings settings;
  private transient ValueState<ReprintUpdate> state;

  public ReprintCounter(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("reprints", ReprintUpdate.class));
  }

  @Override
  public void processElement(ReprintNotice n, Context ctx, Collector<ReprintUpdate> out) throws Exception {
    ReprintUpdate u = state.value();
    if (u == null) {
      u = new ReprintUpdate();
      u.originalId = n.originalId;
      u.originalTime = n.originalTime;
      ctx.timerService().registerEventTimeTimer(n.originalTime + settings.ttlMs());
    }
    u.reprintCount++;
    if (n.site != null && !u.reprintSites.contains(n.site) && u.reprintSites.size() < settings.maxReprintSites()) {
      u.reprintSites.add(n.site);
    }
    state.update(u);
    ReprintUpdate copy = new ReprintUpdate();
    copy.originalId = u.originalId;
    copy.originalTime = u.originalTime;
    copy.reprintCount = u.reprintCount;
    copy.reprintSites = new java.util.ArrayList<>(u.reprintSites);
    out.collect(copy);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ReprintUpdate> out) {
    state.clear();
  }
}
