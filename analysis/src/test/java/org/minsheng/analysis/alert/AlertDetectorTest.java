package org.minsheng.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.analysis.alert.AlertFixtures.keyword;
import static org.minsheng.analysis.alert.AlertFixtures.window;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDetectorTest {
  private final AlertSettings settings = AlertSettings.defaults();
  private final AlertDetector detector = AlertDetector.fromSettings(settings);

  private List<Alert> feed(ScopeState s, long from, long to, long volume) {
    List<Alert> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.addAll(detector.onWindow(s, keyword(i, volume)));
    }
    return out;
  }

  @Test
  void steadyNoiseNeverFires() {
    ScopeState s = new ScopeState();
    List<Alert> out = new ArrayList<>();
    long[] noisy = {8, 12, 9, 14, 10, 7, 11, 13, 9, 10};
    for (int i = 0; i < 400; i++) {
      out.addAll(detector.onWindow(s, keyword(i, noisy[i % noisy.length])));
    }
    assertThat(out).isEmpty();
  }

  @Test
  void burstFiresOnceAfterTwoWindowsThenStaysQuietUntilItEscalates() {
    ScopeState s = new ScopeState();
    assertThat(feed(s, 0, 60, 10)).isEmpty();
    assertThat(detector.onWindow(s, keyword(60, 35))).isEmpty(); // one window is not enough
    List<Alert> fired = detector.onWindow(s, keyword(61, 36));
    assertThat(fired).hasSize(1);
    Alert a = fired.get(0);
    assertThat(a.rule).isEqualTo("burst");
    assertThat(a.escalation).isFalse();
    assertThat(a.level).isEqualTo(AlertLevel.IV);
    assertThat(a.figures.observed).isEqualTo(36);
    assertThat(a.figures.baseline).isBetween(9.0, 12.0);
    assertThat(a.figures.windowStart).isEqualTo(AlertFixtures.T0 + 60 * AlertFixtures.W);
    assertThat(a.reason).contains("关键词「拆迁」").contains("本窗口 36 条").contains("已有 2 个窗口超过阈值");
    assertThat(a.dashboardUrl).isEqualTo("http://127.0.0.1:8080/#/alerts/" + a.alertId);
    assertThat(a.keywords).startsWith("拆迁");
    assertThat(a.topPosts).extracting(p -> p.url).containsExactly("https://bbs.example.cn/t/61");

    assertThat(feed(s, 62, 66, 36)).as("same level: no repeat").isEmpty();
    List<Alert> up = detector.onWindow(s, keyword(66, 130));
    assertThat(up).hasSize(1);
    assertThat(up.get(0).escalation).isTrue();
    assertThat(up.get(0).alertId).isEqualTo(a.alertId);
    assertThat(up.get(0).level).isEqualTo(AlertLevel.II);
    assertThat(up.get(0).history).hasSize(2);
  }

  @Test
  void oneDipInsideABurstDoesNotRestartConfirmation() {
    ScopeState s = new ScopeState();
    feed(s, 0, 61, 10);
    assertThat(detector.onWindow(s, keyword(61, 40))).isEmpty();
    assertThat(detector.onWindow(s, keyword(62, 12))).isEmpty();
    assertThat(detector.onWindow(s, keyword(63, 40))).extracting(a -> a.rule).containsExactly("burst");
    ScopeState t = new ScopeState();
    feed(t, 0, 61, 10);
    assertThat(detector.onWindow(t, keyword(61, 40))).isEmpty();
    feed(t, 62, 64, 12);
    assertThat(detector.onWindow(t, keyword(64, 40))).as("two windows apart: not confirmed").isEmpty();
  }

  @Test
  void cooldownHoldsBackASecondAlertAndLetsItThroughAfterwards() {
    ScopeState s = new ScopeState();
    feed(s, 0, 60, 10);
    assertThat(feed(s, 60, 64, 40)).hasSize(1);
    // quiet for 40 min (80 windows): the live alert ends, cooldown runs until 1 h after the last firing window
    feed(s, 64, 144, 10);
    assertThat(feed(s, 144, 148, 60)).as("inside cooldown").isEmpty();
    feed(s, 148, 300, 10);
    assertThat(feed(s, 300, 304, 60)).as("after cooldown").hasSize(1);
  }

  @Test
  void gapsCountAsEmptyWindowsSoTheBaselineDecays() {
    ScopeState s = new ScopeState();
    feed(s, 0, 60, 40);
    // 2 hours without posts, then 40 again: against a decayed baseline that is a burst
    List<Alert> out = new ArrayList<>();
    out.addAll(detector.onWindow(s, keyword(300, 40)));
    out.addAll(detector.onWindow(s, keyword(301, 40)));
    assertThat(out).extracting(a -> a.rule).containsExactly("burst");
    assertThat(s.windowsSeen).isEqualTo(302);
  }

  @Test
  void newTopicsNeedNoWarmupButKeywordsDo() {
    ScopeState topic = new ScopeState();
    List<Alert> out = new ArrayList<>();
    out.addAll(detector.onWindow(topic, window(ScopeType.TOPIC, "t42", 0, 30, 3, 3)));
    out.addAll(detector.onWindow(topic, window(ScopeType.TOPIC, "t42", 1, 30, 3, 3)));
    assertThat(out).extracting(a -> a.rule).containsExactly("burst");
    assertThat(out.get(0).topicId).isEqualTo("t42");
    assertThat(out.get(0).title).isEqualTo("某地拆迁补偿引争议");
    assertThat(out.get(0).dashboardUrl).endsWith("/#/topic/t42");

    ScopeState kw = new ScopeState();
    assertThat(detector.onWindow(kw, keyword(0, 30))).isEmpty();
    assertThat(detector.onWindow(kw, keyword(1, 30))).isEmpty();
  }

  @Test
  void negativeSurgeFiresOnShareAndCountJump() {
    ScopeState s = new ScopeState();
    for (int i = 0; i < 60; i++) {
      detector.onWindow(s, window(ScopeType.REGION, "江苏", i, 20, 4, 2));
    }
    List<Alert> out = new ArrayList<>();
    out.addAll(detector.onWindow(s, window(ScopeType.REGION, "江苏", 60, 22, 16, 2)));
    out.addAll(detector.onWindow(s, window(ScopeType.REGION, "江苏", 61, 22, 17, 2)));
    assertThat(out).extracting(a -> a.rule).containsExactly("negative_surge");
    Alert a = out.get(0);
    assertThat(a.figures.negativeShare).isGreaterThan(0.7);
    assertThat(a.figures.baselineNegativeShare).isBetween(0.15, 0.25);
    assertThat(a.reason).contains("负面激增");
  }

  @Test
  void spreadFiresWhenAScopeReachesManySites() {
    ScopeState s = new ScopeState();
    for (int i = 0; i < 130; i++) {
      assertThat(detector.onWindow(s, window(ScopeType.KEYWORD, "暴雨", i, 3, 0, i < 5 ? 2 : 1))).isEmpty();
    }
    // site0 and site1 are known; site2..site5 (4 new) are not enough, site6 makes 5 new within the horizon
    assertThat(detector.onWindow(s, window(ScopeType.KEYWORD, "暴雨", 130, 6, 0, 6))).isEmpty();
    List<Alert> out = detector.onWindow(s, window(ScopeType.KEYWORD, "暴雨", 131, 7, 0, 7));
    assertThat(out).extracting(a -> a.rule).containsExactly("spread");
    assertThat(out.get(0).figures.observed).isEqualTo(5);
    assertThat(out.get(0).figures.baseline).isEqualTo(2);
    assertThat(out.get(0).figures.sites).isEqualTo(7);
    assertThat(out.get(0).reason).contains("新出现 5 个站点");
  }

  @Test
  void watchlistFiresAtItsMinimumPosts() {
    ScopeState s = new ScopeState();
    assertThat(detector.onWindow(s, window(ScopeType.WATCHLIST, "拆迁维权", 0, 1, 0, 1))).isEmpty();
    List<Alert> out = detector.onWindow(s, window(ScopeType.WATCHLIST, "拆迁维权", 1, 2, 0, 1));
    assertThat(out).extracting(a -> a.rule + "/" + a.ruleName).containsExactly("watchlist/拆迁维权");
    assertThat(out.get(0).reason).contains("命中监测规则「拆迁维权」");
  }

  @Test
  void anEarlyWatchlistCountAlertsAtOnceAndTheWindowsFinalCountDoesNotAlertAgain() {
    ScopeState s = new ScopeState();
    detector.onWindow(s, window(ScopeType.WATCHLIST, "拆迁维权", 0, 1, 0, 1));
    WindowCount early = window(ScopeType.WATCHLIST, "拆迁维权", 1, 2, 0, 1);
    early.early = true;
    List<Alert> out = detector.onEarlyWindow(s, early);
    assertThat(out).extracting(a -> a.rule + "/" + a.ruleName).containsExactly("watchlist/拆迁维权");
    assertThat(out.get(0).firedAt).isEqualTo(early.windowEnd);
    assertThat(s.lastWindowEnd).as("the window is still open").isEqualTo(AlertFixtures.T0 + AlertFixtures.W);
    WindowCount fin = window(ScopeType.WATCHLIST, "拆迁维权", 1, 3, 0, 1);
    assertThat(detector.onWindow(s, fin)).as("one alert per scope and rule").isEmpty();
    // the id is the one the final count alone would have given: a replay without the early firing writes the same doc
    ScopeState replay = new ScopeState();
    detector.onWindow(replay, window(ScopeType.WATCHLIST, "拆迁维权", 0, 1, 0, 1));
    assertThat(detector.onWindow(replay, fin)).extracting(a -> a.alertId).containsExactly(out.get(0).alertId);
  }

  @Test
  void earlyCountsOfOtherScopesOrOfCountedWindowsAreIgnored() {
    ScopeState s = new ScopeState();
    WindowCount kw = keyword(1, 500);
    kw.early = true;
    assertThat(detector.onEarlyWindow(s, kw)).isEmpty();
    assertThat(s.lastWindowEnd).isZero();
    detector.onWindow(s, window(ScopeType.WATCHLIST, "拆迁维权", 3, 1, 0, 1));
    WindowCount old = window(ScopeType.WATCHLIST, "拆迁维权", 3, 5, 0, 1);
    old.early = true;
    assertThat(detector.onEarlyWindow(s, old)).isEmpty();
  }

  @Test
  void rejectsWindowsOlderThanTheAllowedLatenessCanCorrect() {
    ScopeState s = new ScopeState();
    feed(s, 0, 31, 10); // newest window ends at 31 × 30 s; 10 min of lateness keep windows ending after 11 × 30 s
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> detector.onWindow(s, keyword(9, 10)))
        .hasMessageContaining("arrived after window ending").hasMessageContaining("allowed lateness");
    assertThat(detector.canCorrect(s, keyword(10, 10))).as("ends at 11 × 30 s: final").isFalse();
    assertThat(detector.canCorrect(s, keyword(11, 10))).isTrue();
    assertThat(s.replayWindows).as("20 windows of 30 s within 10 min").hasSize(20);

    AlertDetector strict = AlertDetector.fromSettings(withLateness(java.time.Duration.ZERO));
    ScopeState t = new ScopeState();
    strict.onWindow(t, keyword(5, 10));
    assertThat(t.replayBase).as("no lateness: nothing kept").isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.onWindow(t, keyword(4, 10)))
        .hasMessageContaining("arrived after window ending");
  }

  @Test
  void aLateFiringReplacesItsWindowsFiguresAndTheBaselineLearnsEachWindowOnce() {
    ScopeState late = new ScopeState();
    feed(late, 0, 60, 10);
    detector.onWindow(late, keyword(60, 10));
    feed(late, 61, 66, 11);
    // window 60 fires again three times as late posts join it: 12, 13, then 14 posts in all
    for (long v = 12; v <= 14; v++) {
      assertThat(detector.onWindow(late, keyword(60, v))).isEmpty();
    }
    ScopeState inOrder = new ScopeState();
    feed(inOrder, 0, 60, 10);
    detector.onWindow(inOrder, keyword(60, 14));
    feed(inOrder, 61, 66, 11);
    assertSameRuleState(late, inOrder);
    assertThat(late.replayWindows.stream().filter(w -> w.windowEnd == keyword(60, 0).windowEnd))
        .singleElement().satisfies(w -> assertThat(w.volume).isEqualTo(14));

    // settling folds the correctable windows into the base without learning them again
    detector.settle(late, Long.MAX_VALUE);
    assertThat(late.replayBase).isNull();
    assertThat(late.replayWindows).isEmpty();
    assertSameRuleState(late, inOrder);
    assertThat(detector.canCorrect(late, keyword(65, 20))).as("final after settling").isFalse();
  }

  @Test
  void aLateCorrectionOpensTheAlertTheWindowWouldHaveOpenedOnceAndOnlyOnce() {
    ScopeState s = new ScopeState();
    feed(s, 0, 60, 10);
    assertThat(detector.onWindow(s, keyword(60, 10))).as("on time, window 60 looked normal").isEmpty();
    assertThat(detector.onWindow(s, keyword(61, 40))).as("one anomalous window is not enough").isEmpty();
    List<Alert> opened = detector.onWindow(s, keyword(60, 38)); // late posts: window 60 was a burst window too
    assertThat(opened).extracting(a -> a.rule).containsExactly("burst");
    assertThat(opened.get(0).escalation).isFalse();
    assertThat(opened.get(0).figures.observed).as("figures of window 61, decided again").isEqualTo(40);

    ScopeState inOrder = new ScopeState();
    feed(inOrder, 0, 60, 10);
    detector.onWindow(inOrder, keyword(60, 38));
    List<Alert> reference = detector.onWindow(inOrder, keyword(61, 40));
    assertThat(opened).extracting(a -> a.alertId).containsExactlyElementsOf(reference.stream().map(a -> a.alertId).toList());
    assertThat(opened.get(0).figures.baseline).isEqualTo(reference.get(0).figures.baseline);

    assertThat(detector.onWindow(s, keyword(60, 39))).as("another correction: the alert is live").isEmpty();
    assertThat(detector.onWindow(s, keyword(61, 42))).isEmpty();
    assertThat(detector.onWindow(s, keyword(62, 40))).as("the next window: still one alert").isEmpty();
    assertSameRuleState(s, replayOf(List.of(keyword(60, 39), keyword(61, 42), keyword(62, 40))));
  }

  @Test
  void aLateCorrectionEscalatesTheLiveAlertWithTheSameId() {
    ScopeState s = new ScopeState();
    feed(s, 0, 60, 10);
    detector.onWindow(s, keyword(60, 40));
    List<Alert> opened = detector.onWindow(s, keyword(61, 40));
    assertThat(opened).extracting(a -> a.level).containsExactly(AlertLevel.IV);
    assertThat(detector.onWindow(s, keyword(62, 40))).isEmpty();
    List<Alert> up = detector.onWindow(s, keyword(61, 130)); // a late flood into window 61
    assertThat(up).hasSize(1);
    assertThat(up.get(0).escalation).isTrue();
    assertThat(up.get(0).alertId).isEqualTo(opened.get(0).alertId);
    assertThat(up.get(0).level).isEqualTo(AlertLevel.II);
    assertThat(detector.onWindow(s, keyword(61, 131))).as("already at II").isEmpty();
  }

  @Test
  void aWindowFirstCountedLateIsInsertedWhereItWasEmpty() {
    ScopeState s = new ScopeState();
    // a new topic: 30 posts in window 0 and in window 2, none on time in window 1 (the gap breaks confirmation)
    assertThat(detector.onWindow(s, window(ScopeType.TOPIC, "t7", 0, 30, 3, 1))).isEmpty();
    assertThat(detector.onWindow(s, window(ScopeType.TOPIC, "t7", 2, 30, 3, 1))).isEmpty();
    List<Alert> out = detector.onWindow(s, window(ScopeType.TOPIC, "t7", 1, 30, 3, 1));
    assertThat(out).extracting(a -> a.rule).containsExactly("burst");
    assertThat(out.get(0).firedAt).as("opened by window 1, as in order").isEqualTo(AlertFixtures.T0 + 2 * AlertFixtures.W);
    assertThat(s.replayWindows).extracting(w -> w.windowEnd).isSorted().hasSize(3);
    assertThat(s.lastWindowEnd).isEqualTo(AlertFixtures.T0 + 3 * AlertFixtures.W);
    assertThat(s.windowsSeen).isEqualTo(3);
  }

  private ScopeState replayOf(List<WindowCount> tail) {
    ScopeState s = new ScopeState();
    feed(s, 0, 60, 10);
    tail.forEach(w -> detector.onWindow(s, w));
    return s;
  }

  private static AlertSettings withLateness(java.time.Duration lateness) {
    AlertSettings s = AlertSettings.defaults();
    s.window.allowedLateness = lateness;
    return s;
  }

  private static void assertSameRuleState(ScopeState actual, ScopeState expected) {
    assertThat(actual.windowsSeen).isEqualTo(expected.windowsSeen);
    assertThat(actual.lastWindowEnd).isEqualTo(expected.lastWindowEnd);
    assertThat(actual.burst).usingRecursiveComparison().isEqualTo(expected.burst);
    assertThat(actual.negative).usingRecursiveComparison().isEqualTo(expected.negative);
    assertThat(actual.spread).usingRecursiveComparison().isEqualTo(expected.spread);
  }
}
