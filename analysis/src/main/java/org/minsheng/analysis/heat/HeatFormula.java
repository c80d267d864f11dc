package org.minsheng.analysis.heat;

import java.io.Serializable;

/**
 * 热度 of one key in one window, 0–100:
 *
 * <pre>
 *   heat = 100 · ( wv · min(1, ln(1+volume) / ln(1+volumeRef))
 *                + wg · clamp(growth / growthRef)
 *                + wi · min(1, ln(1+interactions) / ln(1+interactionRef))
 *                + wr · min(1, ln(1+reach) / ln(1+reachRef))
 *                + ws · min(1, ln(sites) / ln(sitesRef))
 *                + wn · negativeShare · min(1, volume / negativeMinVolume) ) / Σw
 * </pre>
 */
public final class HeatFormula implements Serializable {
  private final HeatSettings s;

  public HeatFormula(HeatSettings settings) {
    this.s = settings;
  }

  public double heat(long volume, double growth, long interactions, long reach, int sites, long negative) {
    double fv = logScale(volume, s.volumeRef());
    double fg = clamp(growth / s.growthRef());
    double fi = logScale(interactions, s.interactionRef());
    double fr = logScale(reach, s.reachRef());
    double fs = sites <= 1 ? 0 : clamp(Math.log(sites) / Math.log(s.sitesRef()));
    double share = volume == 0 ? 0 : (double) negative / volume;
    double fn = share * clamp(volume / s.negativeMinVolume());
    double sum = s.volumeWeight() + s.growthWeight() + s.interactionWeight() + s.reachWeight() + s.spreadWeight()
        + s.negativeWeight();
    double h = s.volumeWeight() * fv + s.growthWeight() * fg + s.interactionWeight() * fi + s.reachWeight() * fr
        + s.spreadWeight() * fs + s.negativeWeight() * fn;
    return sum <= 0 ? 0 : 100 * h / sum;
  }

  /** Growth against the previous window: (now - before) / max(before, 1). */
  public static double growth(long now, long before) {
    return (double) (now - before) / Math.max(before, 1);
  }

  private static double logScale(long v, double ref) {
    return v <= 0 ? 0 : clamp(Math.log1p(v) / Math.log1p(ref));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
