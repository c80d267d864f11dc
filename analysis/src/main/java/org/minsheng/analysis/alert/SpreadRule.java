package org.minsheng.analysis.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A scope reaching many new sites or regions quickly: counts the sites and regions it reached for the first time
 * (not seen for it within {@code memory}) during the last {@code horizonWindows} windows, and fires when at least
 * {@code minNewSites} sites or {@code minNewRegions} regions are new. Novelty rather than a distinct count, because
 * a distinct count follows volume (a busy keyword is always on many sites; the daily rise alone doubles it), while a
 * story spreading is one that turns up where it had not been. A brand-new topic's sites are all new, so it fires once
 * it is on {@code minNewSites} sites within the horizon. Memory per scope is bounded by {@code memory} and by
 * {@value #MAX_TRACKED} entries (the least recently seen are forgotten first).
 */
public final class SpreadRule implements AlertRule {
  private static final long serialVersionUID = 1L;
  public static final String KIND = "spread";
  static final int MAX_TRACKED = 200;

  private final AlertSettings.Spread cfg;
  private final long windowMs;
  private final long memoryMs;

  public SpreadRule(AlertSettings.Spread cfg, long windowMs) {
    this.cfg = cfg;
    this.windowMs = windowMs;
    this.memoryMs = cfg.memory.toMillis();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void skipEmpty(ScopeState state, long windows) {
    // nothing to learn from silence: the next window forgets what is older than the memory
  }

  @Override
  public Optional<Finding> evaluate(ScopeState state, WindowCount w, boolean warmupApplies) {
    ScopeState.SpreadState s = state.spread;
    long horizonStart = w.windowEnd - cfg.horizonWindows * windowMs;
    int[] sites = track(s.siteFirstSeen, s.siteLastSeen, w.sites, w.windowEnd, horizonStart, memoryMs);
    int[] regions = track(s.regionFirstSeen, s.regionLastSeen, w.regions, w.windowEnd, horizonStart, memoryMs);
    boolean siteSpread = sites[0] >= cfg.minNewSites;
    boolean regionSpread = regions[0] >= cfg.minNewRegions;
    if (!AlertRule.warm(state, cfg.warmupWindows, warmupApplies) || !(siteSpread || regionSpread)) {
      return Optional.empty();
    }
    Figures f = Figures.ofWindow(w);
    f.sites = sites[0] + sites[1];
    f.regions = regions[0] + regions[1];
    boolean bySites = siteSpread && (!regionSpread
        || (double) sites[0] / cfg.minNewSites >= (double) regions[0] / cfg.minNewRegions);
    f.observed = bySites ? sites[0] : regions[0];
    f.baseline = bySites ? sites[1] : regions[1];
    f.ratio = (f.observed + f.baseline) / Math.max(f.baseline, 1.0);
    String why = String.format(Locale.ROOT,
        "快速扩散：最近 %d 个窗口新出现 %d 个站点、%d 个地区（此前已知 %d 个站点、%d 个地区；阈值 ≥%d 个新站点或 ≥%d 个新地区）",
        cfg.horizonWindows, sites[0], regions[0], sites[1], regions[1], cfg.minNewSites, cfg.minNewRegions);
    return Optional.of(new Finding(KIND, KIND, f, why));
  }

  /** Updates the memory with {@code now}; returns {new within the horizon, known from before the horizon}. */
  static int[] track(HashMap<String, Long> firstSeen, HashMap<String, Long> lastSeen, List<String> now, long windowEnd,
      long horizonStart, long memoryMs) {
    lastSeen.entrySet().removeIf(e -> e.getValue() <= windowEnd - memoryMs);
    firstSeen.keySet().retainAll(lastSeen.keySet());
    for (String k : now) {
      if (!lastSeen.containsKey(k) && lastSeen.size() >= MAX_TRACKED) {
        String oldest = null;
        long oldestAt = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : lastSeen.entrySet()) {
          if (e.getValue() < oldestAt) {
            oldestAt = e.getValue();
            oldest = e.getKey();
          }
        }
        lastSeen.remove(oldest);
        firstSeen.remove(oldest);
      }
      lastSeen.put(k, windowEnd);
      firstSeen.putIfAbsent(k, windowEnd);
    }
    int fresh = 0;
    for (long t : firstSeen.values()) {
      if (t > horizonStart) {
        fresh++;
      }
    }
    return new int[] {fresh, firstSeen.size() - fresh};
  }
}
