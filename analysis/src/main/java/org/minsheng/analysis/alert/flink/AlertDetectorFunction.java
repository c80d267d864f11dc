package org.minsheng.analysis.alert.flink;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDetector;
import org.minsheng.analysis.alert.ScopeState;
import org.minsheng.analysis.alert.WindowCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by scope id: runs the {@link AlertDetector} over each window count, keeping the scope's {@link ScopeState}.
 *
 * <p>Late firings: the alert windows accept posts for the detector's allowed lateness after their end and fire again
 * with the window's complete count. Such a count (a window not newer than the last one counted) replaces the window's
 * figures through {@link AlertDetector#onWindow} (replayed from the snapshot the state keeps, so no baseline learns
 * twice and no alert is repeated); one older than the lateness can still correct is logged and counted in
 * {@code lateWindowsIgnored}.
 *
 * <p>State is bounded twice: one event-time timer per key, replaced on every window, first at the newest window's end
 * plus the allowed lateness (no firing of the counted windows can come after it: the correctable windows are folded
 * into the rule state and forgotten), then at that end plus {@code idleRetention}, when a silent scope's state is
 * cleared; the state also carries a TTL of the idle retention in case event time stops advancing.
 */
public final class AlertDetectorFunction extends KeyedProcessFunction<String, WindowCount, Alert> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AlertDetectorFunction.class);

  private final AlertDetector detector;
  private final long idleRetentionMs;

  private transient ValueState<ScopeState> scopeState;
  private transient ValueState<Long> cleanupTimer;
  private transient Counter alertsFired;
  private transient Counter escalations;
  private transient Counter lateCorrections;
  private transient Counter lateIgnored;

  public AlertDetectorFunction(AlertDetector detector, Duration idleRetention) {
    if (idleRetention.toMillis() < detector.allowedLatenessMs()) {
      throw new IllegalArgumentException("alerts.window.idleStateRetention (" + idleRetention
          + ") must not be shorter than alerts.window.allowedLateness (" + detector.allowedLatenessMs() + " ms)");
    }
    this.detector = detector;
    this.idleRetentionMs = idleRetention.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(idleRetentionMs))
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .build();
    ValueStateDescriptor<ScopeState> state = new ValueStateDescriptor<>("alert-scope-state", ScopeState.class);
    state.enableTimeToLive(ttl);
    scopeState = getRuntimeContext().getState(state);
    ValueStateDescriptor<Long> timer = new ValueStateDescriptor<>("alert-cleanup-timer", Long.class);
    timer.enableTimeToLive(ttl);
    cleanupTimer = getRuntimeContext().getState(timer);
    alertsFired = getRuntimeContext().getMetricGroup().counter("alertsFired");
    escalations = getRuntimeContext().getMetricGroup().counter("alertEscalations");
    lateCorrections = getRuntimeContext().getMetricGroup().counter("lateWindowCorrections");
    lateIgnored = getRuntimeContext().getMetricGroup().counter("lateWindowsIgnored");
  }

  @Override
  public void processElement(WindowCount w, Context ctx, Collector<Alert> out) throws Exception {
    ScopeState s = scopeState.value();
    if (s == null) {
      s = new ScopeState();
    }
    if (w.early) {
      emit(detector.onEarlyWindow(s, w), out);
    } else if (s.lastWindowEnd != 0 && w.windowEnd <= s.lastWindowEnd) {
      if (!detector.canCorrect(s, w)) {
        lateIgnored.inc();
        LOG.warn("alert window {}–{} of {} fired after window ending {} and beyond the allowed lateness; not counted",
            w.windowStart, w.windowEnd, w.scopeId(), s.lastWindowEnd);
        return;
      }
      lateCorrections.inc();
      LOG.debug("late posts corrected alert window {}–{} of {} to {} posts", w.windowStart, w.windowEnd, w.scopeId(),
          w.volume);
      emit(detector.onWindow(s, w), out);
    } else {
      emit(detector.onWindow(s, w), out);
    }
    scopeState.update(s);
    schedule(ctx.timerService(), s, Math.max(s.lastWindowEnd, w.windowEnd));
  }

  /** One timer per key: the end of the correctable period while there is one, else the end of the idle retention. */
  private void schedule(TimerService timers, ScopeState s, long newestEnd) throws Exception {
    long at = newestEnd + (s.replayBase != null ? detector.allowedLatenessMs() : idleRetentionMs);
    Long previous = cleanupTimer.value();
    if (previous != null) {
      if (previous == at) {
        return;
      }
      timers.deleteEventTimeTimer(previous);
    }
    timers.registerEventTimeTimer(at);
    cleanupTimer.update(at);
  }

  private void emit(java.util.List<Alert> alerts, Collector<Alert> out) {
    for (Alert a : alerts) {
      if (a.escalation) {
        escalations.inc();
        LOG.info("alert {} escalated to level {} ({}): {}", a.alertId, a.level, a.rule, a.reason);
      } else {
        alertsFired.inc();
        LOG.info("alert {} level {} ({}): {}", a.alertId, a.level, a.rule, a.reason);
      }
      out.collect(a);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    Long expected = cleanupTimer.value();
    if (expected == null || expected != timestamp) {
      return;
    }
    ScopeState s = scopeState.value();
    if (s != null && s.replayBase != null) {
      // the watermark passed the newest window's end + the allowed lateness: no counted window can fire again
      detector.settle(s, Long.MAX_VALUE);
      scopeState.update(s);
      cleanupTimer.clear();
      schedule(ctx.timerService(), s, s.lastWindowEnd);
      return;
    }
    scopeState.clear();
    cleanupTimer.clear();
  }
}
