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
  private final long allowedLatenessMs;

  public AlertDetector(List<AlertRule> rules, LevelPolicy levels, AlertGate gate, AlertComposer composer,
      long windowMs, Set<String> warmupTypes) {
    this(rules, levels, gate, composer, windowMs, warmupTypes, 0);
  }

  /**
   * @param allowedLatenessMs how long after its end a counted window may still be corrected by a late firing (the
   *     alert windows' allowed lateness); 0 = never, a late firing is rejected
   */
  public AlertDetector(List<AlertRule> rules, LevelPolicy levels, AlertGate gate, AlertComposer composer,
      long windowMs, Set<String> warmupTypes, long allowedLatenessMs) {
    if (allowedLatenessMs < 0) {
      throw new IllegalArgumentException("allowed lateness must not be negative, was " + allowedLatenessMs + " ms");
    }
    this.allowedLatenessMs = allowedLatenessMs;
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
        new AlertComposer(s.content.dashboardBaseUrl, windowMs), windowMs, Set.copyOf(s.scopes.warmupTypes),
        s.window.allowedLateness.toMillis());
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
   * Processes a window count of a scope: the next window (windows arrive in increasing order; empty windows may be
   * skipped), or a late firing of a window already counted, or first counted, within the allowed lateness.
   *
   * <p>A late firing (the window operator fires a window again when a post behind the watermark joins it, with the
   * window's complete count) replaces that window's figures: the rule state is rebuilt from the snapshot taken before
   * the oldest correctable window ({@link ScopeState#replayBase}) by replaying the correctable windows in order, the
   * corrected one included, so no window teaches a baseline twice. The rules are decided again for the corrected
   * window and every later one, through the same gate: the correction can open an alert (its id is the one its window
   * would have given) or escalate the live one, never repeat one. Alerts already sent are not taken back.
   *
   * @return new alerts and escalations, usually none
   * @throws IllegalArgumentException for a window older than the allowed lateness allows to correct
   */
  public List<Alert> onWindow(ScopeState state, WindowCount w) {
    if (state.lastWindowEnd != 0 && w.windowEnd <= state.lastWindowEnd) {
      if (!canCorrect(state, w)) {
        throw new IllegalArgumentException("window " + w.windowStart + "–" + w.windowEnd + " of " + w.scopeId()
            + " arrived after window ending " + state.lastWindowEnd + ", beyond the allowed lateness of "
            + allowedLatenessMs + " ms");
      }
      return correct(state, w);
    }
    if (allowedLatenessMs > 0 && state.replayBase == null) {
      state.replayBase = state.snapshotRules();
      state.replayWindows.clear();
    }
    Map<String, Finding> findings = advance(state, w);
    List<Alert> out = decide(state, w, findings);
    state.gates.entrySet().removeIf(e -> !findings.containsKey(e.getKey()) && gate.expire(e.getValue(), w.windowEnd));
    if (allowedLatenessMs > 0) {
      state.replayWindows.add(w);
      settle(state, w.windowEnd - allowedLatenessMs);
    }
    return out;
  }

  /** Whether {@code w}, a window not newer than the scope's last, can still be corrected (see {@link #onWindow}). */
  public boolean canCorrect(ScopeState state, WindowCount w) {
    return state.replayBase != null && w.windowEnd > state.replayBase.lastWindowEnd
        && w.windowEnd <= state.lastWindowEnd;
  }

  /**
   * Makes the counted windows ending at or before {@code finalUpTo} final: they are folded into the replay base (the
   * same rule code advances the snapshot; findings are not decided again) and forgotten. When none is left the base
   * is dropped. The Flink operator calls this with {@code Long.MAX_VALUE} once the watermark has passed the newest
   * window's end plus the allowed lateness, after which no firing of these windows can come.
   */
  public void settle(ScopeState state, long finalUpTo) {
    if (state.replayBase == null) {
      return;
    }
    while (!state.replayWindows.isEmpty() && state.replayWindows.get(0).windowEnd <= finalUpTo) {
      WindowCount oldest = state.replayWindows.remove(0);
      ScopeState view = ScopeState.viewOf(state.replayBase, state.scopeType, state.scopeKey);
      advance(view, oldest);
      state.replayBase.takeClock(view);
    }
    if (state.replayWindows.isEmpty()) {
      state.replayBase = null;
    }
  }

  /** The allowed lateness of window counts (ms): how long after its end a window may be corrected. */
  public long allowedLatenessMs() {
    return allowedLatenessMs;
  }

  private List<Alert> correct(ScopeState state, WindowCount w) {
    List<WindowCount> windows = state.replayWindows;
    int i = 0;
    while (i < windows.size() && windows.get(i).windowEnd < w.windowEnd) {
      i++;
    }
    if (i < windows.size() && windows.get(i).windowEnd == w.windowEnd) {
      windows.set(i, w);
    } else {
      windows.add(i, w); // the window had no post when it first fired: it was counted as empty
    }
    long lastWindowEnd = state.lastWindowEnd;
    state.restoreRules(state.replayBase);
    List<Alert> out = new ArrayList<>();
    for (WindowCount h : windows) {
      Map<String, Finding> findings = advance(state, h);
      if (h.windowEnd >= w.windowEnd) {
        out.addAll(decide(state, h, findings));
      }
    }
    if (state.lastWindowEnd != lastWindowEnd) {
      throw new IllegalStateException("replay of " + w.scopeId() + " ended at " + state.lastWindowEnd
          + " instead of " + lastWindowEnd);
    }
    return out;
  }

  /** Moves the scope's clock to {@code w} (empty windows in between teach zeros) and evaluates every rule on it. */
  private Map<String, Finding> advance(ScopeState state, WindowCount w) {
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
    Map<String, Finding> findings = new HashMap<>();
    for (AlertRule rule : rules) {
      Optional<Finding> f = rule.evaluate(state, w, warmupApplies);
      f.ifPresent(x -> findings.put(x.ruleName() + "@" + x.rule(), x));
    }
    return findings;
  }

  /** Grades the findings of window {@code w} and lets them through the gate: new alerts and escalations. */
  private List<Alert> decide(ScopeState state, WindowCount w, Map<String, Finding> findings) {
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<String, Finding> e : findings.entrySet()) {
      Finding f = e.getValue();
      AlertLevel level = levels.grade(f.figures());
      ScopeState.GateState g = state.gates.computeIfAbsent(e.getKey(), k -> new ScopeState.GateState());
      AlertGate.Decision d = gate.decide(g, w.scopeId(), e.getKey(), level, w.windowEnd);
      if (d != AlertGate.Decision.SUPPRESS) {
        out.add(composer.compose(f, level, w, g, d == AlertGate.Decision.ESCALATE));
      }
    }
    out.sort((a, b) -> a.rule.compareTo(b.rule));
    return out;
  }

  public long windowMs() {
    return windowMs;
  }
}
