package org.minsheng.analysis.alert.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDetector;
import org.minsheng.analysis.alert.AlertLevel;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.ScopeType;
import org.minsheng.analysis.alert.WindowCount;

class AlertDetectorFunctionTest {
  private static final long W = 30_000;
  private static final long T0 = 1_790_000_000_000L / W * W;
  private static final Duration IDLE = Duration.ofHours(2);

  private static WindowCount count(String key, long index, long volume) {
    WindowCount w = new WindowCount();
    w.scopeType = ScopeType.KEYWORD;
    w.scopeKey = key;
    w.windowStart = T0 + index * W;
    w.windowEnd = w.windowStart + W;
    w.volume = volume;
    w.heat = volume;
    w.sites = new ArrayList<>(List.of("a.cn"));
    return w;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert> harness() throws Exception {
    AlertDetectorFunction fn = new AlertDetectorFunction(AlertDetector.fromSettings(AlertSettings.defaults()), IDLE);
    KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert> h =
        new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(fn), WindowCount::scopeId, Types.STRING);
    h.open();
    return h;
  }

  private static void push(KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert> h, WindowCount w)
      throws Exception {
    h.processElement(new StreamRecord<>(w, w.windowEnd - 1));
    h.processWatermark(w.windowEnd - 1);
  }

  private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert> h) {
    List<Alert> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r && r.getValue() instanceof Alert a) {
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void firesOncePerScopeKeepsOneTimerPerKeyAndClearsStateWhenIdle() throws Exception {
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
        push(h, count("暴雨", i, 10));
      }
      assertThat(alerts(h)).isEmpty();
      assertThat(h.numEventTimeTimers()).as("one cleanup timer per key").isEqualTo(2);
      assertThat(h.numKeyedStateEntries()).as("scope state + timer per key").isEqualTo(4);

      for (int i = 60; i < 70; i++) {
        push(h, count("拆迁", i, 40));
        push(h, count("暴雨", i, 10));
      }
      List<Alert> fired = alerts(h);
      assertThat(fired).hasSize(1);
      assertThat(fired.get(0).scopeKey).isEqualTo("拆迁");
      assertThat(fired.get(0).level).isEqualTo(AlertLevel.IV);
      assertThat(fired.get(0).updatedAt).isEqualTo(T0 + 62 * W);

      push(h, count("拆迁", 70, 150)); // escalation of the live alert
      assertThat(alerts(h)).hasSize(2);
      assertThat(alerts(h).get(1).escalation).isTrue();
      assertThat(alerts(h).get(1).alertId).isEqualTo(fired.get(0).alertId);

      // both scopes fall silent: event time passes the idle retention, the timers clear everything
      h.processWatermark(T0 + 71 * W + IDLE.toMillis() + 1);
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(alerts(h)).hasSize(2);
    }
  }

  @Test
  void stateSurvivesASnapshotAndRestore() throws Exception {
    org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
      }
      push(h, count("拆迁", 60, 40));
      snapshot = h.snapshot(1, T0 + 61 * W);
    }
    AlertDetectorFunction fn = new AlertDetectorFunction(AlertDetector.fromSettings(AlertSettings.defaults()), IDLE);
    try (var h = new KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert>(
        new KeyedProcessOperator<>(fn), WindowCount::scopeId, Types.STRING)) {
      h.initializeState(snapshot);
      h.open();
      push(h, count("拆迁", 61, 40));
      assertThat(alerts(h)).as("the streak of window 60 was restored").hasSize(1);
    }
  }

  @Test
  void anEarlyWatchlistCountAlertsBeforeTheWindowEndsOnceAndStateStillClearsWhenIdle() throws Exception {
    AlertSettings settings = AlertSettings.defaults();
    AlertSettings.WatchRuleSpec rule = new AlertSettings.WatchRuleSpec();
    rule.name = "暗号";
    rule.expression = "暗号";
    rule.minPosts = 1;
    settings.watchlist.rules = List.of(rule);
    AlertDetectorFunction fn = new AlertDetectorFunction(AlertDetector.fromSettings(settings), IDLE);
    try (var h = new KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert>(new KeyedProcessOperator<>(fn),
        WindowCount::scopeId, Types.STRING)) {
      h.open();
      WindowCount early = count("暗号", 3, 1);
      early.scopeType = ScopeType.WATCHLIST;
      early.early = true;
      h.processElement(new StreamRecord<>(early, early.windowStart + 1));
      assertThat(alerts(h)).as("fired while the watermark is still before the window's end").hasSize(1);
      WindowCount fin = count("暗号", 3, 4);
      fin.scopeType = ScopeType.WATCHLIST;
      push(h, fin);
      assertThat(alerts(h)).as("the final count of the same window does not alert again").hasSize(1);
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      h.processWatermark(fin.windowEnd + IDLE.toMillis() + 1);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  private static final long LATENESS = AlertSettings.defaults().window.allowedLateness.toMillis();

  /** A late firing: the window operator fires the window again while the watermark is already past its end. */
  private static void late(KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert> h, WindowCount w)
      throws Exception {
    h.processElement(new StreamRecord<>(w, w.windowEnd - 1));
  }

  @Test
  void aLateFiringReplacesTheWindowAndTheBaselineLearnsItOnce() throws Exception {
    List<Alert> corrected;
    List<Alert> inOrder;
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
      }
      push(h, count("拆迁", 60, 10));
      push(h, count("拆迁", 61, 11));
      for (long v = 12; v <= 14; v++) {
        late(h, count("拆迁", 60, v)); // three late posts: the window's count each time
      }
      assertThat(alerts(h)).isEmpty();
      push(h, count("拆迁", 62, 40));
      push(h, count("拆迁", 63, 40));
      corrected = alerts(h);
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
    }
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
      }
      push(h, count("拆迁", 60, 14));
      push(h, count("拆迁", 61, 11));
      push(h, count("拆迁", 62, 40));
      push(h, count("拆迁", 63, 40));
      inOrder = alerts(h);
    }
    assertThat(corrected).hasSize(1);
    assertThat(inOrder).hasSize(1);
    // window 60 counted once with 14 posts: the same baseline (to the last bit) as if they had all been on time;
    // learnt twice (10 and 14) or three times the mean, the variance and the z-score would differ
    assertThat(corrected.get(0).figures.baseline).isEqualTo(inOrder.get(0).figures.baseline);
    assertThat(corrected.get(0).figures.zScore).isEqualTo(inOrder.get(0).figures.zScore);
    assertThat(corrected.get(0).alertId).isEqualTo(inOrder.get(0).alertId);
  }

  @Test
  void anAlertOpenedByALateCorrectionFiresOnceAndStateAndTimersGoBackToZero() throws Exception {
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
      }
      push(h, count("拆迁", 60, 10));
      push(h, count("拆迁", 61, 40));
      assertThat(alerts(h)).as("one anomalous window").isEmpty();
      late(h, count("拆迁", 60, 36)); // the burst's first posts arrive behind the watermark
      assertThat(alerts(h)).extracting(a -> a.rule).containsExactly("burst");
      Alert opened = alerts(h).get(0);
      assertThat(opened.escalation).isFalse();
      assertThat(opened.firedAt).isEqualTo(T0 + 62 * W);
      late(h, count("拆迁", 60, 37));
      late(h, count("拆迁", 61, 41));
      push(h, count("拆迁", 62, 40));
      assertThat(alerts(h)).as("one alert per scope and rule").hasSize(1);
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      assertThat(h.numKeyedStateEntries()).as("scope state + timer").isEqualTo(2);

      // the watermark passes the newest window's end + the allowed lateness: the windows become final
      h.processWatermark(T0 + 63 * W + LATENESS);
      assertThat(h.numEventTimeTimers()).as("now the idle timer").isEqualTo(1);
      late(h, count("拆迁", 61, 80)); // a firing that cannot come from the window operator any more: ignored
      assertThat(alerts(h)).hasSize(1);

      h.processWatermark(T0 + 63 * W + IDLE.toMillis());
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(alerts(h)).hasSize(1);
    }
  }

  @Test
  void aLateCorrectionSurvivesASnapshotAndRestore() throws Exception {
    org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
    try (var h = harness()) {
      for (int i = 0; i < 60; i++) {
        push(h, count("拆迁", i, 10));
      }
      push(h, count("拆迁", 60, 10));
      push(h, count("拆迁", 61, 40));
      snapshot = h.snapshot(1, T0 + 62 * W);
    }
    AlertDetectorFunction fn = new AlertDetectorFunction(AlertDetector.fromSettings(AlertSettings.defaults()), IDLE);
    try (var h = new KeyedOneInputStreamOperatorTestHarness<String, WindowCount, Alert>(
        new KeyedProcessOperator<>(fn), WindowCount::scopeId, Types.STRING)) {
      h.initializeState(snapshot);
      h.open();
      late(h, count("拆迁", 60, 36));
      assertThat(alerts(h)).as("the correctable windows were restored").extracting(a -> a.rule).containsExactly("burst");
    }
  }
}
