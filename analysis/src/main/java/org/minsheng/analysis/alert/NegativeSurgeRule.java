package org.minsheng.analysis.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * Negative share and negative count jump against the scope's baseline: fires after {@code confirmWindows}
 * consecutive windows with {@code negative ≥ minNegative}, {@code share ≥ minShare},
 * {@code share ≥ baselineShare + shareRise} and {@code negative ≥ ratio × baselineNegative}. The share baseline learns
 * only from windows with at least three posts (a share of 1 out of 1 says nothing).
 */
public final class NegativeSurgeRule extends BaselineRule {
  private static final long serialVersionUID = 1L;
  public static final String KIND = "negative_surge";

  private final AlertSettings.NegativeSurge cfg;

  public NegativeSurgeRule(AlertSettings.NegativeSurge cfg) {
    super(KIND, cfg.halfLifeWindows);
    this.cfg = cfg;
  }

  /** Only the negative count learns zeros: an empty window has no share. */
  @Override
  Ewma baseline(ScopeState state) {
    return state.negative.count;
  }

  @Override
  void breakRun(ScopeState state) {
    state.negative.streak = 0;
  }

  @Override
  public Optional<Finding> evaluate(ScopeState state, WindowCount w, boolean warmupApplies) {
    ScopeState.NegativeState s = state.negative;
    if (!warmupApplies) {
      s.count.startAtZeroIfEmpty();
      s.share.startAtZeroIfEmpty();
    }
    double baseCount = s.count.samples == 0 ? 0 : s.count.mean;
    double baseShare = s.share.samples == 0 ? 0 : s.share.mean;
    double share = w.negativeShare();
    boolean anomalous = AlertRule.warm(state, cfg.warmupWindows, warmupApplies)
        && w.negative >= cfg.minNegative
        && share >= cfg.minShare
        && share >= baseShare + cfg.shareRise
        && w.negative >= cfg.ratio * baseCount;
    double a = anomalous ? alpha * 0.05 : alpha;
    s.count.update(w.negative, a);
    if (w.volume >= 3) {
      s.share.update(share, a);
    }
    s.streak = anomalous ? s.streak + 1 : 0;
    if (s.streak < cfg.confirmWindows) {
      return Optional.empty();
    }
    Figures f = Figures.ofWindow(w);
    f.observed = w.negative;
    f.baseline = baseCount;
    f.ratio = w.negative / Math.max(baseCount, 1.0);
    f.baselineNegativeShare = baseShare;
    f.windows = s.streak;
    String why = String.format(Locale.ROOT,
        "负面激增：本窗口负面 %d 条（占比 %.0f%%），基线负面 %.1f 条、占比 %.0f%%（%.1f 倍），已连续 %d 个窗口",
        w.negative, share * 100, baseCount, baseShare * 100, f.ratio, s.streak);
    return Optional.of(new Finding(KIND, KIND, f, why));
  }
}
