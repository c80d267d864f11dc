package org.minsheng.analysis.topic;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.heat.TopicHeat;

/**
 * Keyed by topic id: keeps the latest clusterer snapshot and the latest heat of a topic and emits the whole topic
 * document whenever either changes (heat alone waits for the topic's first snapshot). State is dropped once neither has
 * changed for the topic TTL (event time), so it falls to zero with the topics.
 */
public final class TopicDocumentJoin extends KeyedCoProcessFunction<String, TopicUpdate, TopicHeat, TopicUpdate> {
  private final long ttlMs;
  private transient ValueState<TopicUpdate> latest;
  private transient ValueState<TopicHeat> heat;
  private transient ValueState<Long> cleanupAt;

  public TopicDocumentJoin(double topicTtlMinutes) {
    this.ttlMs = (long) (topicTtlMinutes * 60_000);
  }

  @Override
  public void open(OpenContext ctx) {
    latest = getRuntimeContext().getState(new ValueStateDescriptor<>("topic", TopicUpdate.class));
    heat = getRuntimeContext().getState(new ValueStateDescriptor<>("heat", TopicHeat.class));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Long.class));
  }

  @Override
  public void processElement1(TopicUpdate u, Context ctx, Collector<TopicUpdate> out) throws Exception {
    latest.update(u);
    emit(out);
    scheduleCleanup(ctx, u.updatedAt);
  }

  @Override
  public void processElement2(TopicHeat h, Context ctx, Collector<TopicUpdate> out) throws Exception {
    heat.update(h);
    emit(out);
    scheduleCleanup(ctx, h.updatedAt);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TopicUpdate> out) {
    latest.clear();
    heat.clear();
    cleanupAt.clear();
  }

  private void emit(Collector<TopicUpdate> out) throws Exception {
    TopicUpdate u = latest.value();
    if (u == null) {
      return;
    }
    TopicUpdate doc = u.copy();
    TopicHeat h = heat.value();
    if (h != null) {
      doc.heat = h.heat;
      doc.growth = h.growth;
      doc.lifecycle = h.lifecycle;
      doc.updatedAt = Math.max(doc.updatedAt, h.updatedAt);
    }
    out.collect(doc);
  }

  private void scheduleCleanup(Context ctx, long at) throws Exception {
    Long old = cleanupAt.value();
    long next = at + ttlMs;
    if (old != null && old >= next) {
      return;
    }
    if (old != null) {
      ctx.timerService().deleteEventTimeTimer(old);
    }
    ctx.timerService().registerEventTimeTimer(next);
    cleanupAt.update(next);
  }
}
