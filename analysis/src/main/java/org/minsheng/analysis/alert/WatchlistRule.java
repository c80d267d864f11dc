package org.minsheng.analysis.alert;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Watch-list expressions: posts matching a rule's expression (and its region / site / platform filters) are counted
 * in the scope {@code watchlist:<rule name>} by {@link org.minsheng.analysis.alert.watch.WatchRule}; this rule fires
 * when a window holds at least the rule's {@code minPosts} of them. No baseline: the user asked to hear about it.
 */
public final class WatchlistRule implements AlertRule {
  private static final long serialVersionUID = 1L;
  public static final String KIND = "watchlist";

  private final Map<String, Integer> minPostsByRule;
  private final int defaultMinPosts;

  public WatchlistRule(Map<String, Integer> minPostsByRule, int defaultMinPosts) {
    this.minPostsByRule = Map.copyOf(minPostsByRule);
    this.defaultMinPosts = defaultMinPosts;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void skipEmpty(ScopeState state, long windows) {
    // stateless
  }

  @Override
  public Optional<Finding> evaluate(ScopeState state, WindowCount w, boolean warmupApplies) {
    if (!ScopeType.WATCHLIST.equals(w.scopeType)) {
      return Optional.empty();
    }
    int min = minPostsByRule.getOrDefault(w.scopeKey, defaultMinPosts);
    if (w.volume < min) {
      return Optional.empty();
    }
    Figures f = Figures.ofWindow(w);
    f.observed = w.volume;
    f.baseline = min;
    f.ratio = (double) w.volume / Math.max(min, 1);
    String why = String.format(Locale.ROOT, "命中监测规则「%s」：本窗口 %d 条匹配（阈值 %d 条）", w.scopeKey, w.volume, min);
    return Optional.of(new Finding(KIND, w.scopeKey, f, why));
  }
}
