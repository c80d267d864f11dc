package org.minsheng.analysis.alert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.analysis.alert.AlertSettings;

class AlertReplayTest {

  @Test
  void twoSimulatedDaysMeetTheTargetsAndAreDeterministicBySeed() {
    SyntheticStream stream = new SyntheticStream(42, 8, 2, 4, 32);
    assertThat(stream.bursts().size()).isBetween(6, 8);
    assertThat(stream.bursts()).allMatch(b -> b.multiplier() >= 3);
    AlertReplay.Result r = new AlertReplay(AlertSettings.defaults()).run(stream);
    assertThat(r.detected()).isEqualTo(r.bursts());
    assertThat(r.medianDelaySeconds()).isLessThanOrEqualTo(120);
    assertThat(r.falseAlarmsPerDay()).isLessThanOrEqualTo(1.0);
    AlertReplay.Result again = new AlertReplay(AlertSettings.defaults()).run(new SyntheticStream(42, 8, 2, 4, 32));
    assertThat(again.toJson()).isEqualTo(r.toJson());
    assertThat(r.toJson()).startsWith("{\"bursts\":" + r.bursts() + ",\"detected\":" + r.bursts() + ",\"median_delay_s\":");
  }

  @Test
  void aDetectorThatCannotFireDetectsNothing() {
    AlertSettings deaf = AlertSettings.defaults();
    deaf.burst.minVolume = 1_000_000;
    AlertReplay.Result r = new AlertReplay(deaf).run(new SyntheticStream(7, 4, 1, 4, 32));
    assertThat(r.bursts()).isPositive();
    assertThat(r.detected()).isZero();
    assertThat(r.missed()).hasSize(r.bursts());
  }

  @Test
  void backgroundHasADailyRhythm() {
    SyntheticStream s = new SyntheticStream(1, 1, 1, 0, 32);
    long night = s.start() + 4 * 3_600_000L + 30 * 60_000L;
    long afternoon = s.start() + 16 * 3_600_000L;
    assertThat(s.expectedPerMinute(0, afternoon)).isGreaterThan(3 * s.expectedPerMinute(0, night));
  }

  @Test
  void percentileIsNearestRank() {
    assertThat(AlertReplay.percentile(java.util.List.of(1L, 2L, 3L, 4L), 0.5)).isEqualTo(2);
    assertThat(AlertReplay.percentile(java.util.List.of(1L, 2L, 3L, 4L), 0.95)).isEqualTo(4);
    assertThat(AlertReplay.percentile(java.util.List.of(), 0.5)).isZero();
  }

  @Test
  void burstsFromASlowSourceAreStillDetectedThroughLateCorrectionsAndMissedWithoutThem() {
    // 80 % of the burst posts arrive up to 5 min after their window was counted
    AlertReplay.Result corrected = new AlertReplay(AlertSettings.defaults(), 0.8, 300_000, 1, true)
        .run(new SyntheticStream(42, 8, 2, 4, 32));
    AlertSettings dropping = AlertSettings.defaults();
    dropping.window.allowedLateness = java.time.Duration.ZERO;
    AlertReplay.Result dropped = new AlertReplay(dropping, 0.8, 300_000, 1, true)
        .run(new SyntheticStream(42, 8, 2, 4, 32));
    assertThat(corrected.bursts()).isGreaterThan(0);
    assertThat(corrected.detected()).isEqualTo(corrected.bursts());
    assertThat(corrected.falseAlarmsPerDay()).isLessThanOrEqualTo(1.0);
    assertThat(dropped.detected()).as("late posts dropped: the bursts look like background").isLessThan(corrected.bursts() / 2);
    assertThat(corrected.posts()).isEqualTo(dropped.posts());
  }
}
