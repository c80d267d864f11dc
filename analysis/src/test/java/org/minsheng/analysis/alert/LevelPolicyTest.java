package org.minsheng.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelPolicyTest {
  private final LevelPolicy policy = new LevelPolicy(AlertSettings.defaults().levels);

  private static Figures f(double ratio, double heat, long volume, double negativeShare) {
    Figures f = new Figures();
    f.ratio = ratio;
    f.heat = heat;
    f.volume = volume;
    f.negativeShare = negativeShare;
    return f;
  }

  @Test
  void gradesByRatioOrHeatGatedByVolume() {
    assertThat(policy.grade(f(2.5, 30, 20, 0.1))).isEqualTo(AlertLevel.IV);
    assertThat(policy.grade(f(5, 60, 30, 0.1))).isEqualTo(AlertLevel.III);
    assertThat(policy.grade(f(12, 200, 90, 0.1))).isEqualTo(AlertLevel.II);
    assertThat(policy.grade(f(25, 500, 250, 0.1))).isEqualTo(AlertLevel.I);
    assertThat(policy.grade(f(40, 100, 20, 0.1))).as("huge ratio, tiny volume").isEqualTo(AlertLevel.IV);
    assertThat(policy.grade(f(2.5, 3500, 210, 0.1))).as("heat alone").isEqualTo(AlertLevel.I);
  }

  @Test
  void negativeShareRaisesOneLevelWhenVolumeAllows() {
    assertThat(policy.grade(f(5, 60, 30, 0.7))).isEqualTo(AlertLevel.III); // II needs 80 posts
    assertThat(policy.grade(f(5, 60, 90, 0.7))).isEqualTo(AlertLevel.II);
    assertThat(policy.grade(f(2.5, 60, 26, 0.65))).isEqualTo(AlertLevel.III);
  }

  @Test
  void levelNames() {
    assertThat(AlertLevel.I.chineseName()).isEqualTo("红");
    assertThat(AlertLevel.IV.chineseName()).isEqualTo("蓝");
    assertThat(AlertLevel.II.higherThan(AlertLevel.III)).isTrue();
  }
}
