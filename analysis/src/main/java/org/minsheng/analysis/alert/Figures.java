package org.minsheng.analysis.alert;

import java.io.Serializable;

/**
 * The numbers behind a finding: what was observed in the window, what the scope's own baseline expected, and the
 * window itself. Written as the {@code figures} object of an alert document.
 */
public class Figures implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rule's measured quantity in the window (posts, negative posts, distinct sites, matching posts). */
  public double observed;
  /** The scope's baseline for that quantity (EWMA mean), or the rule's threshold where there is no baseline. */
  public double baseline;
  /** observed / baseline (baseline floored at 1 window-count to keep it finite). */
  public double ratio;
  /** (observed − baseline) / σ where the rule has a deviation, else 0. */
  public double zScore;
  /** Posts in the window. */
  public long volume;
  public double negativeShare;
  public double baselineNegativeShare;
  /** Distinct sites (spread: over the rule's horizon; otherwise in the window). */
  public int sites;
  public int regions;
  public double heat;
  /** Consecutive anomalous windows when the rule fired. */
  public int windows;
  public long windowStart;
  public long windowEnd;

  public Figures() {}

  /** The window-level figures every rule reports; the rule then fills observed, baseline, ratio, z. */
  public static Figures ofWindow(WindowCount w) {
    Figures f = new Figures();
    f.volume = w.volume;
    f.negativeShare = w.negativeShare();
    f.sites = w.sites.size();
    f.regions = w.regions.size();
    f.heat = w.heat;
    f.windows = 1;
    f.windowStart = w.windowStart;
    f.windowEnd = w.windowEnd;
    return f;
  }
}
