package org.minsheng.analysis.alert.watch;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.minsheng.analysis.alert.AlertSettings;

/**
 * A named watch-list rule: an expression plus optional filters on region, site and platform (empty = any). Built
 * from YAML by {@link #fromSpec}, which parses the expression and fails with the rule's name and the column.
 */
public final class WatchRule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final WatchExpression expression;
  private final Set<String> regions;
  private final Set<String> sites;
  private final Set<String> platforms;

  public WatchRule(String name, WatchExpression expression, Set<String> regions, Set<String> sites,
      Set<String> platforms) {
    this.name = name;
    this.expression = expression;
    this.regions = Set.copyOf(regions);
    this.sites = Set.copyOf(sites);
    this.platforms = Set.copyOf(platforms);
  }

  public static WatchRule fromSpec(AlertSettings.WatchRuleSpec spec) {
    if (spec.name == null || spec.name.isBlank()) {
      throw new IllegalArgumentException("watch-list rule without a name (expression: " + spec.expression + ")");
    }
    try {
      return new WatchRule(spec.name, WatchExpressionParser.parse(spec.expression), Set.copyOf(spec.regions),
          Set.copyOf(spec.sites), Set.copyOf(spec.platforms));
    } catch (WatchExpressionException e) {
      throw new IllegalArgumentException("watch-list rule '" + spec.name + "': " + e.getMessage(), e);
    }
  }

  public static List<WatchRule> fromSettings(AlertSettings s) {
    return s.watchlist.rules.stream().map(WatchRule::fromSpec).toList();
  }

  public String name() {
    return name;
  }

  public WatchExpression expression() {
    return expression;
  }

  /** Whether a post from {@code region}/{@code site}/{@code platform} with this text matches. */
  public boolean matches(String region, String site, String platform, WatchExpression.MatchInput text) {
    return (regions.isEmpty() || regions.contains(region))
        && (sites.isEmpty() || sites.contains(site))
        && (platforms.isEmpty() || platforms.contains(platform))
        && expression.matches(text);
  }
}
