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
 *
 * <p>Late posts: the trend windows accept posts behind the watermark for {@link HeatSettings#allowedLatenessMs()} and
 * fire again with the fuller count. A second roll-up of a window already scored is scored against the same previous
 * window (the key remembers the volumes of its recent windows) and replaces the first one in Elasticsearch (same
 * document id); it does not count as a new window, move the lifecycle on or touch the timer, and only the newest
 * window's roll-up updates the topic's heat.
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
    /** Starts and volumes of the windows scored within the allowed lateness, for re-scoring late firings. */
    public long[] recentStarts = new long[0];
    public long[] recentVolumes = new long[0];

    public History() {}

    /** The volume remembered for the window starting at {@code start}, 0 when none (or no posts then). */
    long volumeAt(long start) {
      for (int i = 0; i < recentStarts.length; i++) {
        if (recentStarts[i] == start) {
          return recentVolumes[i];
        }
      }
      return 0;
    }

    /** Whether a window before {@code start} is remembered. */
    boolean hasWindowBefore(long start) {
      for (long s : recentStarts) {
        if (s < start) {
          return true;
        }
      }
      return false;
    }

    /** Remembers {@code volume} for the window at {@code start}; forgets windows starting before {@code keepFrom}. */
    void remember(long start, long volume, long keepFrom) {
      int keep = 0;
      boolean found = false;
      for (int i = 0; i < recentStarts.length; i++) {
        if (recentStarts[i] >= keepFrom) {
          keep++;
        }
        found |= recentStarts[i] == start;
      }
      long[] starts = new long[keep + (found ? 0 : 1)];
      long[] volumes = new long[starts.length];
      int j = 0;
      for (int i = 0; i < recentStarts.length; i++) {
        if (recentStarts[i] >= keepFrom) {
          starts[j] = recentStarts[i];
          volumes[j++] = recentStarts[i] == start ? volume : recentVolumes[i];
        }
      }
      if (!found) {
        starts[j] = start;
        volumes[j] = volume;
      }
      recentStarts = starts;
      recentVolumes = volumes;
    }
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
    long w = settings.windowMs();
    if (h != null && h.windows > 0 && r.windowStart <= h.lastWindowStart) {
      // a late firing of a window already scored: same base, same place in the key's history
      boolean newest = r.windowStart == h.lastWindowStart;
      rescore(r, h, h.volumeAt(r.windowStart - w));
      if (newest) {
        h.lastVolume = r.volume;
      }
      history.update(h);
      out.collect(r);
      if (newest) {
        topicHeat(r, ctx);
      }
      return;
    }
    if (h == null) {
      h = new History();
      h.kind = r.kind;
      h.key = r.key;
    } else {
      ctx.timerService().deleteEventTimeTimer(h.lastWindowStart + 2 * w - 1);
    }
    score(r, h, h.windows > 0 ? h.volumeAt(r.windowStart - w) : 0);
    h.idle = 0;
    history.update(h);
    emit(r, ctx, out);
    ctx.timerService().registerEventTimeTimer(r.windowStart + 2 * w - 1);
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
    h.remember(r.windowStart, r.volume, r.windowStart - settings.allowedLatenessMs() - settings.windowMs());
  }

  /** Scores a later, fuller roll-up of a window already scored; the key's window count and newest window stay. */
  private void rescore(TrendRollup r, History h, long before) {
    // the key's first window has no growth, as when it was first scored
    r.growth = before == 0 && !h.hasWindowBefore(r.windowStart) ? 0 : HeatFormula.growth(r.volume, before);
    r.heat = formula.heat(r.volume, Math.max(0, r.growth), r.interactions, r.reach, r.sites, r.negative);
    h.peakVolume = Math.max(h.peakVolume, r.volume);
    r.lifecycle = lifecycle(r, h);
    h.remember(r.windowStart, r.volume, h.lastWindowStart - settings.allowedLatenessMs() - settings.windowMs());
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
    topicHeat(r, ctx);
  }

  private void topicHeat(TrendRollup r, Context ctx) {
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
