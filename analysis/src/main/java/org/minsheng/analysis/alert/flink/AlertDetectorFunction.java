package org.minsheng.analysis.alert.flink;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
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
 * State is bounded twice: an event-time timer clears it when the scope has been silent for {@code idleRetention}
 * (one timer per key, replaced on every window), and the state carries a TTL of the same length in case event time
 * stops advancing.
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

  public AlertDetectorFunction(AlertDetector detector, Duration idleRetention) {
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
      LOG.warn("alert window {}–{} of {} arrived after window ending {}; not counted for alerting",
          w.windowStart, w.windowEnd, w.scopeId(), s.lastWindowEnd);
      return;
    } else {
      emit(detector.onWindow(s, w), out);
    }
    scopeState.update(s);
    Long previous = cleanupTimer.value();
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    long at = w.windowEnd + idleRetentionMs;
    ctx.timerService().registerEventTimeTimer(at);
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
    if (expected != null && expected == timestamp) {
      scopeState.clear();
      cleanupTimer.clear();
    }
  }
}
