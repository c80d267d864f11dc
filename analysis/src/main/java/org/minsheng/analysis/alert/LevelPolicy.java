package org.minsheng.analysis.alert;

import java.io.Serializable;

/**
 * Grades a finding I 红 / II 橙 / III 黄 / IV 蓝 from documented thresholds ({@code levels} in the defaults YAML): the
 * highest level whose {@code (ratio ≥ minRatio ∨ heat ≥ minHeat) ∧ volume ≥ minVolume} holds, IV otherwise; then one
 * level up when the negative share is at least {@code negativeBoostShare} and the volume meets the raised level's
 * minimum. The volume minimum keeps a tiny scope's large ratio (2 → 40 posts) from ever being red.
 */
public final class LevelPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AlertSettings.Levels cfg;

  public LevelPolicy(AlertSettings.Levels cfg) {
    this.cfg = cfg;
  }

  public AlertLevel grade(Figures f) {
    AlertLevel level = AlertLevel.IV;
    for (AlertLevel candidate : new AlertLevel[] {AlertLevel.I, AlertLevel.II, AlertLevel.III}) {
      AlertSettings.LevelThreshold t = threshold(candidate);
      if ((f.ratio >= t.minRatio || f.heat >= t.minHeat) && f.volume >= t.minVolume) {
        level = candidate;
        break;
      }
    }
    if (f.negativeShare >= cfg.negativeBoostShare && level != AlertLevel.I) {
      AlertLevel raised = level.raised();
      if (f.volume >= threshold(raised).minVolume) {
        level = raised;
      }
    }
    return level;
  }

  private AlertSettings.LevelThreshold threshold(AlertLevel level) {
    return switch (level) {
      case I -> cfg.I;
      case II -> cfg.II;
      case III -> cfg.III;
      case IV -> new AlertSettings.LevelThreshold(0, 0, 0);
    };
  }
}
