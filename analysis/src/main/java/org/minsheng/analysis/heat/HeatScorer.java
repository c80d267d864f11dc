package org.minsheng.analysis.heat;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by trend key: adds growth (against the key's previous window), heat ({@link HeatFormula}) and, for topics, the
 * lifecycle stage to each window roll-up, and emits the topic's {@link TopicHeat} to {@link #TOPIC_HEAT}. A window
 * without posts produces no roll-up, so a timer at the next window's end reports an empty window (heat falling,
 * {@code fading}); after {@code idleWindows} empty windows the key's state is dropped and no timer remains.
 */
public final class HeatScorer extends KeyedProcessFunction<String, TrendRollup, TrendRollup> {
  public static final OutputTag<TopicHeat> TOPIC_HEAT = new OutputTag<>("topic-heat") {};

  /** What a key remembers between windows. A Flink POJO. */
  public static class History {
    public long lastWindowStart;
    public long lastVolume;
    public long peakVolume;
    public int windows;
    public int idle;
    public String kind;
    public String key;

    public History() {}
  }

  private final HeatSettings settings;
  private transient HeatFormula formula;
  private transient ValueState<History> history;

  public HeatScorer(HeatSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) {
    formula = new HeatFormula(settings);
    history = getRuntimeContext().getState(new ValueStateDescriptor<>("heat-history", History.class));
  }

  @Override
  public void processElement(TrendRollup r, Context ctx, Collector<TrendRollup> out) throws Exception {
    History h = history.value();
    if (h == null) {
      h = new History();
      h.kind = r.kind;
      h.key = r.key;
    } else {
      ctx.timerService().deleteEventTimeTimer(h.lastWindowStart + 2 * settings.windowMs() - 1);
    }
    long before = h.windows > 0 && r.windowStart - h.lastWindowStart <= settings.windowMs() ? h.lastVolume : 0;
    score(r, h, before);
    h.idle = 0;
    history.update(h);
    emit(r, ctx, out);
    ctx.timerService().registerEventTimeTimer(r.windowStart + 2 * settings.windowMs() - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrendRollup> out) throws Exception {
    History h = history.value();
    if (h == null) {
      return;
    }
    TrendRollup r = new TrendRollup();
    r.kind = h.kind;
    r.key = h.key;
    r.windowStart = h.lastWindowStart + settings.windowMs();
    r.windowEnd = r.windowStart + settings.windowMs();
    score(r, h, h.lastVolume);
    h.idle++;
    emit(r, ctx, out);
    if (h.idle >= settings.idleWindows()) {
      history.clear();
    } else {
      history.update(h);
      ctx.timerService().registerEventTimeTimer(r.windowStart + 2 * settings.windowMs() - 1);
    }
  }

  private void score(TrendRollup r, History h, long before) {
    r.growth = h.windows == 0 ? 0 : HeatFormula.growth(r.volume, before);
    r.heat = formula.heat(r.volume, Math.max(0, r.growth), r.interactions, r.reach, r.sites, r.negative);
    h.windows++;
    h.peakVolume = Math.max(h.peakVolume, r.volume);
    r.lifecycle = lifecycle(r, h);
    h.lastWindowStart = r.windowStart;
    h.lastVolume = r.volume;
  }

  private String lifecycle(TrendRollup r, History h) {
    if (r.volume > 0 && h.windows <= 2 && r.growth < settings.risingGrowth()) {
      return "emerging";
    }
    if (r.volume > 0 && r.growth >= settings.risingGrowth()) {
      return "rising";
    }
    if (r.volume > 0 && r.volume >= settings.peakRatio() * h.peakVolume) {
      return "peak";
    }
    return "fading";
  }

  private void emit(TrendRollup r, Context ctx, Collector<TrendRollup> out) {
    out.collect(r);
    if ("topic".equals(r.kind)) {
      TopicHeat t = new TopicHeat();
      t.topicId = r.key;
      t.heat = r.heat;
      t.growth = r.growth;
      t.lifecycle = r.lifecycle;
      t.updatedAt = r.windowEnd;
      ctx.output(TOPIC_HEAT, t);
    }
  }
}
