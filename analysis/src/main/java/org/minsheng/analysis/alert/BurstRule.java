package org.minsheng.analysis.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * Volume far above the scope's own baseline. A window is anomalous when
 * {@code observed ≥ minVolume ∧ observed ≥ ratio × mean ∧ (observed − mean) / σ ≥ zScore}, with the EWMA mean and
 * σ = max(EWMA deviation, √(mean + 1)) — a Poisson floor, because for small counts the sample deviation understates
 * the noise. The rule fires on an anomalous window when at least {@code confirmWindows} of the last
 * {@code confirmWindows + 1} windows were anomalous (one noisy window never fires; one dip inside a burst does not
 * reset it), and keeps firing (for escalation) while that holds. Anomalous windows teach the baseline at a reduced
 * rate and others are winsorised, so that a long burst does not hide itself.
 */
public final class BurstRule extends BaselineRule {
  private static final long serialVersionUID = 1L;
  public static final String KIND = "burst";

  private final AlertSettings.Burst cfg;

  public BurstRule(AlertSettings.Burst cfg) {
    super(KIND, cfg.halfLifeWindows);
    this.cfg = cfg;
  }

  @Override
  Ewma baseline(ScopeState state) {
    return state.burst.volume;
  }

  @Override
  void breakRun(ScopeState state) {
    state.burst.streak = 0;
    state.burst.recent = 0;
  }

  @Override
  public Optional<Finding> evaluate(ScopeState state, WindowCount w, boolean warmupApplies) {
    ScopeState.BurstState s = state.burst;
    if (!warmupApplies) {
      s.volume.startAtZeroIfEmpty();
    }
    double mean = s.volume.samples == 0 ? 0 : s.volume.mean;
    double sigma = Math.max(s.volume.deviation(), Math.sqrt(mean + 1));
    double observed = w.volume;
    double z = (observed - mean) / sigma;
    boolean warm = AlertRule.warm(state, cfg.warmupWindows, warmupApplies) && s.volume.samples > 0;
    boolean anomalous = warm
        && observed >= cfg.minVolume
        && observed >= cfg.ratio * mean
        && z >= cfg.zScore;
    // Learn: anomalous windows at a reduced rate; others (once warm) winsorised at mean + clip·σ, so that a burst just under the
    // threshold (or the first minutes of a ramp) does not drag the baseline and its deviation up.
    double learnt = anomalous || !warm ? observed : Math.min(observed, mean + cfg.learnClipSigmas * sigma);
    s.volume.update(learnt, anomalous ? alpha * cfg.anomalyLearningFactor : alpha);
    s.recent = (s.recent << 1) | (anomalous ? 1 : 0);
    s.streak = anomalous ? s.streak + 1 : 0;
    int confirmed = Integer.bitCount(s.recent & ((1 << (cfg.confirmWindows + 1)) - 1));
    if (!anomalous || confirmed < cfg.confirmWindows) {
      return Optional.empty();
    }
    Figures f = Figures.ofWindow(w);
    f.observed = observed;
    f.baseline = mean;
    f.ratio = observed / Math.max(mean, 1.0);
    f.zScore = z;
    f.windows = Math.max(confirmed, s.streak);
    String why = String.format(Locale.ROOT,
        "声量突增：本窗口 %d 条，基线 %.1f 条（%.1f 倍，z=%.1f），已有 %d 个窗口超过阈值（≥%d 条、≥%.1f 倍基线、z≥%.1f）",
        w.volume, mean, f.ratio, z, f.windows, cfg.minVolume, cfg.ratio, cfg.zScore);
    return Optional.of(new Finding(KIND, KIND, f, why));
  }
}
