package org.minsheng.analysis.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One duplicate bucket (keyed by bucket key): answers each probe with the earliest earlier post in the bucket that is
 * a copy (exact bucket: any; band bucket: Hamming distance ≤ max; sentence bucket: sketches overlap enough), then
 * remembers the probe's post. Entries leave after
 * the TTL in event time (one timer per entry), so an idle bucket's state and timers fall to zero. A bucket holds at most
 * {@code maxBucketEntries} posts.
 */
public final class DuplicateBucketFunction extends KeyedProcessFunction<String, DedupProbe, DedupVerdict> {
  private final DedupSettings settings;
  private transient MapState<String, long[]> entries; // postId -> {simhash, eventTime, sketch...}
  private transient ValueState<Integer> size;
  private transient MapState<Long, List<DedupProbe>> pending;

  public DuplicateBucketFunction(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) {
    entries = getRuntimeContext().getMapState(new MapStateDescriptor<>("entries", String.class, long[].class));
    size = getRuntimeContext().getState(new ValueStateDescriptor<>("size", Integer.class));
    pending = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("pending", Types.LONG, new ListTypeInfo<>(DedupProbe.class)));
  }

  /**
   * Probes reach a bucket from every upstream subtask, out of order; they are answered in event-time order once the
   * watermark passes, so that an original is always in the bucket before its copies arrive (late probes at once).
   */
  @Override
  public void processElement(DedupProbe p, Context ctx, Collector<DedupVerdict> out) throws Exception {
    if (p.eventTime <= ctx.timerService().currentWatermark()) {
      answer(p, ctx, out);
      return;
    }
    List<DedupProbe> at = pending.get(p.eventTime);
    if (at == null) {
      at = new ArrayList<>();
    }
    at.add(p);
    pending.put(p.eventTime, at);
    ctx.timerService().registerEventTimeTimer(p.eventTime);
  }

  private void answer(DedupProbe p, Context ctx, Collector<DedupVerdict> out) throws Exception {
    String bestId = null;
    long bestTime = Long.MAX_VALUE;
    int bestD = 0;
    for (Map.Entry<String, long[]> e : entries.entries()) {
      if (e.getKey().equals(p.postId)) {
        continue;
      }
      long[] v = e.getValue();
      int d = SimHash.distance(v[0], p.simhash);
      boolean copy = switch (p.kind) {
        case DedupProbeSplitter.EXACT -> true;
        case DedupProbeSplitter.BAND -> d <= settings.maxDistance();
        default -> SentenceSketch.reprints(p.sketch, java.util.Arrays.copyOfRange(v, 2, v.length));
      };
      // the earliest copy published no later than the probe (ties: the one already here)
      if (copy && v[1] <= p.eventTime && v[1] < bestTime) {
        bestId = e.getKey();
        bestTime = v[1];
        bestD = d;
      }
    }
    out.collect(bestId == null
        ? new DedupVerdict(p.postId, null, 0, null, 0, p.probes, p.simhash)
        : new DedupVerdict(p.postId, bestId, bestTime, DedupProbeSplitter.EXACT.equals(p.kind) ? "exact" : "near",
            bestD, p.probes, p.simhash));
    int n = size.value() == null ? 0 : size.value();
    if (n < settings.maxBucketEntries() && !entries.contains(p.postId)) {
      long[] v = new long[2 + p.sketch.length];
      v[0] = p.simhash;
      v[1] = p.eventTime;
      System.arraycopy(p.sketch, 0, v, 2, p.sketch.length);
      entries.put(p.postId, v);
      size.update(n + 1);
      ctx.timerService().registerEventTimeTimer(p.eventTime + settings.ttlMs());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DedupVerdict> out) throws Exception {
    List<DedupProbe> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      due.sort(Comparator.comparing(q -> q.postId));
      for (DedupProbe p : due) {
        answer(p, ctx, out);
      }
    }
    int n = size.value() == null ? 0 : size.value();
    Iterator<Map.Entry<String, long[]>> it = entries.iterator();
    while (it.hasNext()) {
      if (it.next().getValue()[1] + settings.ttlMs() <= timestamp) {
        it.remove();
        n--;
      }
    }
    if (n <= 0) {
      entries.clear();
      size.clear();
    } else {
      size.update(n);
    }
  }
}
