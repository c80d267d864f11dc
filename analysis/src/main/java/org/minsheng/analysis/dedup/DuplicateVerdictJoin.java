package org.minsheng.analysis.dedup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.minsheng.analysis.model.AnalyzedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by post id: waits for the post and all its bucket verdicts (the count travels in each verdict), keeps the best
 * (exact over near, earliest original), fills {@code simhash}, {@code duplicateOf}, {@code duplicateKind} and emits the
 * post; a reprint also goes to {@link #REPRINTS} for the original's document. State is cleared on emit. An event-time
 * timer at the post's time is the fallback: verdicts travel with the post's watermark, so by then all have arrived
 * unless the post was late; the post is then emitted with the verdicts it has, never held forever.
 */
public final class DuplicateVerdictJoin extends KeyedCoProcessFunction<String, AnalyzedPost, DedupVerdict, AnalyzedPost> {
  private static final Logger LOG = LoggerFactory.getLogger(DuplicateVerdictJoin.class);
  public static final OutputTag<ReprintNotice> REPRINTS = new OutputTag<>("reprints") {};

  private transient ValueState<AnalyzedPost> post;
  private transient ValueState<DedupVerdict> best;
  private transient ValueState<Integer> received;
  private transient ValueState<Integer> expected;

  @Override
  public void open(OpenContext ctx) {
    post = getRuntimeContext().getState(new ValueStateDescriptor<>("post", AnalyzedPost.class));
    best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", DedupVerdict.class));
    received = getRuntimeContext().getState(new ValueStateDescriptor<>("received", Integer.class));
    expected = getRuntimeContext().getState(new ValueStateDescriptor<>("expected", Integer.class));
  }

  @Override
  public void processElement1(AnalyzedPost p, Context ctx, Collector<AnalyzedPost> out) throws Exception {
    post.update(HeldPost.slim(p));
    long t = p.post.publishedAt().toEpochMilli();
    ctx.timerService().registerEventTimeTimer(t);
    emitWhenComplete(ctx, out);
  }

  @Override
  public void processElement2(DedupVerdict v, Context ctx, Collector<AnalyzedPost> out) throws Exception {
    best.update(DedupVerdict.better(best.value(), v));
    received.update((received.value() == null ? 0 : received.value()) + 1);
    expected.update(v.expected);
    emitWhenComplete(ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalyzedPost> out) throws Exception {
    if (post.value() != null) {
      LOG.warn("post {} emitted with {} of {} duplicate verdicts (late post)", ctx.getCurrentKey(),
          received.value() == null ? 0 : received.value(), expected.value() == null ? "?" : expected.value());
      emit(post.value(), ctx, out);
    } else {
      // verdicts without their post: the post was late or failed upstream; nothing to attach them to
      best.clear();
      received.clear();
      expected.clear();
    }
  }

  private void emitWhenComplete(Context ctx, Collector<AnalyzedPost> out) throws Exception {
    AnalyzedPost p = post.value();
    Integer n = received.value();
    Integer want = expected.value();
    if (p != null && n != null && want != null && n >= want) {
      ctx.timerService().deleteEventTimeTimer(p.post.publishedAt().toEpochMilli());
      emit(p, ctx, out);
    }
  }

  private void emit(AnalyzedPost p, Context ctx, Collector<AnalyzedPost> out) throws Exception {
    DedupVerdict v = best.value();
    // the probes computed it already; computed again only when no verdict came (or one restored without it)
    p.simhash = v != null && v.simhash != 0L ? v.simhash : DedupProbeSplitter.simhashOf(p);
    if (v != null && v.originalId != null) {
      p.duplicateOf = v.originalId;
      p.duplicateKind = v.kind;
      ctx.output(REPRINTS, new ReprintNotice(v.originalId, v.originalTime, p.id(), p.post.site()));
    }
    out.collect(p);
    post.clear();
    best.clear();
    received.clear();
    expected.clear();
  }
}
