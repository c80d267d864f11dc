package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerting core, free of Flink: feeds each window of a scope to every rule, grades findings, applies hygiene and
 * composes alerts. The Flink operator ({@code flink.AlertDetectorFunction}) keeps one {@link ScopeState} per scope in
 * keyed state and calls {@link #onWindow}; the benchmark calls the same method.
 */
public final class AlertDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<AlertRule> rules;
  private final LevelPolicy levels;
  private final AlertGate gate;
  private final AlertComposer composer;
  private final long windowMs;
  private final Set<String> warmupTypes;

  public AlertDetector(List<AlertRule> rules, LevelPolicy levels, AlertGate gate, AlertComposer composer,
      long windowMs, Set<String> warmupTypes) {
    this.rules = List.copyOf(rules);
    this.levels = levels;
    this.gate = gate;
    this.composer = composer;
    this.windowMs = windowMs;
    this.warmupTypes = Set.copyOf(warmupTypes);
  }

  /** The detector the settings describe: every enabled rule, the level table, hygiene and content settings. */
  public static AlertDetector fromSettings(AlertSettings s) {
    long windowMs = s.window.size.toMillis();
    List<AlertRule> rules = new ArrayList<>();
    if (s.burst.enabled) {
      rules.add(new BurstRule(s.burst));
    }
    if (s.negativeSurge.enabled) {
      rules.add(new NegativeSurgeRule(s.negativeSurge));
    }
    if (s.spread.enabled) {
      rules.add(new SpreadRule(s.spread, windowMs));
    }
    rules.add(new WatchlistRule(watchlistMinPosts(s), s.watchlist.minPosts));
    return new AlertDetector(rules, new LevelPolicy(s.levels), new AlertGate(s.hygiene.quietAfter, s.hygiene.cooldown),
        new AlertComposer(s.content.dashboardBaseUrl, windowMs), windowMs, Set.copyOf(s.scopes.warmupTypes));
  }

  /** The per-rule {@code minPosts} overrides of the watch-list rules (rule name → minimum). */
  public static Map<String, Integer> watchlistMinPosts(AlertSettings s) {
    Map<String, Integer> minPosts = new HashMap<>();
    for (AlertSettings.WatchRuleSpec r : s.watchlist.rules) {
      if (r.minPosts != null) {
        minPosts.put(r.name, r.minPosts);
      }
    }
    return minPosts;
  }

  /**
   * An early, partial count of a window still open ({@link WindowCount#early}): only the watch-list rule is evaluated
   * (baselines learn from complete windows only) and the scope's window position does not move. A finding goes
   * through the same gate with the window's end as its time, so the window's final count, when it arrives, finds the
   * alert live (no second alert; an escalation if the final count grades higher) and the alert id is the one the
   * final count alone would have produced.
   *
   * @return the new alert, if the watch-list rule fires now; empty for other scopes and for windows already counted
   */
  public List<Alert> onEarlyWindow(ScopeState state, WindowCount w) {
    if (!ScopeType.WATCHLIST.equals(w.scopeType) || (state.lastWindowEnd != 0 && w.windowEnd <= state.lastWindowEnd)) {
      return List.of();
    }
    if (state.lastWindowEnd == 0) {
      state.scopeType = w.scopeType;
      state.scopeKey = w.scopeKey;
    }
    List<Alert> out = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (rule instanceof WatchlistRule) {
        rule.evaluate(state, w, false).ifPresent(f -> {
          String key = f.ruleName() + "@" + f.rule();
          AlertLevel level = levels.grade(f.figures());
          ScopeState.GateState g = state.gates.computeIfAbsent(key, k -> new ScopeState.GateState());
          AlertGate.Decision d = gate.decide(g, w.scopeId(), key, level, w.windowEnd);
          if (d != AlertGate.Decision.SUPPRESS) {
            out.add(composer.compose(f, level, w, g, d == AlertGate.Decision.ESCALATE));
          }
        });
      }
    }
    return out;
  }

  /**
   * Processes the next window of a scope (windows must arrive in increasing order; empty windows may be skipped).
   *
   * @return new alerts and escalations, usually none
   */
  public List<Alert> onWindow(ScopeState state, WindowCount w) {
    if (state.lastWindowEnd != 0 && w.windowEnd <= state.lastWindowEnd) {
      throw new IllegalArgumentException("window " + w.windowStart + "–" + w.windowEnd + " of " + w.scopeId()
          + " arrived after window ending " + state.lastWindowEnd);
    }
    if (state.lastWindowEnd == 0) {
      state.scopeType = w.scopeType;
      state.scopeKey = w.scopeKey;
    } else {
      long empty = Math.max(0, (w.windowStart - state.lastWindowEnd) / windowMs);
      if (empty > 0) {
        rules.forEach(r -> r.skipEmpty(state, empty));
        state.windowsSeen += empty;
      }
    }
    state.windowsSeen++;
    state.lastWindowEnd = w.windowEnd;
    boolean warmupApplies = warmupTypes.contains(w.scopeType);

    List<Alert> out = new ArrayList<>();
    Map<String, Finding> findings = new HashMap<>();
    for (AlertRule rule : rules) {
      Optional<Finding> f = rule.evaluate(state, w, warmupApplies);
      f.ifPresent(x -> findings.put(x.ruleName() + "@" + x.rule(), x));
    }
    for (Map.Entry<String, Finding> e : findings.entrySet()) {
      Finding f = e.getValue();
      AlertLevel level = levels.grade(f.figures());
      ScopeState.GateState g = state.gates.computeIfAbsent(e.getKey(), k -> new ScopeState.GateState());
      AlertGate.Decision d = gate.decide(g, w.scopeId(), e.getKey(), level, w.windowEnd);
      if (d != AlertGate.Decision.SUPPRESS) {
        out.add(composer.compose(f, level, w, g, d == AlertGate.Decision.ESCALATE));
      }
    }
    state.gates.entrySet().removeIf(e -> !findings.containsKey(e.getKey()) && gate.expire(e.getValue(), w.windowEnd));
    out.sort((a, b) -> a.rule.compareTo(b.rule));
    return out;
  }

  public long windowMs() {
    return windowMs;
  }
}
