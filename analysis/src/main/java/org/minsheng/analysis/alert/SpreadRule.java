package org.minsheng.analysis.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scope reaching many distinct sites or regions quickly: counts the sites and regions seen within the last
 * {@code horizonWindows} windows and fires when either reaches its minimum and is at least {@code ratio} × its own
 * EWMA baseline (a story that is always on twenty portals is not spreading). Per-scope memory is bounded: entries
 * older than the horizon are dropped every window, and at most 4 × the site cap are kept.
 */
public final class SpreadRule implements AlertRule {
  private static final long serialVersionUID = 1L;
  public static final String KIND = "spread";
  private static final int MAX_TRACKED = 200;

  private final AlertSettings.Spread cfg;
  private final double alpha;
  private final long windowMs;

  public SpreadRule(AlertSettings.Spread cfg, long windowMs) {
    this.cfg = cfg;
    this.alpha = Ewma.alpha(cfg.halfLifeWindows);
    this.windowMs = windowMs;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void skipEmpty(ScopeState state, long windows) {
    long n = Math.min(windows, cfg.horizonWindows);
    state.spread.distinctSites.updateZeros(windows - n, alpha);
    state.spread.distinctRegions.updateZeros(windows - n, alpha);
  }

  @Override
  public Optional<Finding> evaluate(ScopeState state, WindowCount w, boolean warmupApplies) {
    ScopeState.SpreadState s = state.spread;
    if (!warmupApplies) {
      s.distinctSites.startAtZeroIfEmpty();
      s.distinctRegions.startAtZeroIfEmpty();
    }
    long horizonStart = w.windowEnd - cfg.horizonWindows * windowMs;
    int sites = track(s.siteLastSeen, w.sites, w.windowEnd, horizonStart);
    int regions = track(s.regionLastSeen, w.regions, w.windowEnd, horizonStart);
    double baseSites = s.distinctSites.samples == 0 ? 0 : s.distinctSites.mean;
    double baseRegions = s.distinctRegions.samples == 0 ? 0 : s.distinctRegions.mean;
    boolean siteSpread = sites >= cfg.minSites && sites >= cfg.ratio * baseSites;
    boolean regionSpread = regions >= cfg.minRegions && regions >= cfg.ratio * baseRegions;
    boolean anomalous = AlertRule.warm(state, cfg.warmupWindows, warmupApplies) && (siteSpread || regionSpread);
    double a = anomalous ? alpha * 0.05 : alpha;
    s.distinctSites.update(sites, a);
    s.distinctRegions.update(regions, a);
    if (!anomalous) {
      return Optional.empty();
    }
    Figures f = Figures.ofWindow(w);
    f.sites = sites;
    f.regions = regions;
    boolean bySites = siteSpread && (!regionSpread || sites / Math.max(baseSites, 1) >= regions / Math.max(baseRegions, 1));
    f.observed = bySites ? sites : regions;
    f.baseline = bySites ? baseSites : baseRegions;
    f.ratio = f.observed / Math.max(f.baseline, 1.0);
    String why = String.format(Locale.ROOT,
        "快速扩散：最近 %d 个窗口内出现在 %d 个站点、%d 个地区，基线 %.1f 个站点、%.1f 个地区（阈值 ≥%d 站点或 ≥%d 地区，且 ≥%.1f 倍基线）",
        cfg.horizonWindows, sites, regions, baseSites, baseRegions, cfg.minSites, cfg.minRegions, cfg.ratio);
    return Optional.of(new Finding(KIND, KIND, f, why));
  }

  private static int track(HashMap<String, Long> lastSeen, List<String> now, long windowEnd, long horizonStart) {
    for (String k : now) {
      if (lastSeen.size() < MAX_TRACKED || lastSeen.containsKey(k)) {
        lastSeen.put(k, windowEnd);
      }
    }
    lastSeen.values().removeIf(t -> t <= horizonStart);
    return lastSeen.size();
  }
}
