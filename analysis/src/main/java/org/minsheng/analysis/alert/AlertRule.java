package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.Optional;

/**
 * One alerting rule over per-window counts of a scope. Rules keep their state in {@link ScopeState} (so the Flink
 * operator and the benchmark share it) and update it on every window, firing or not.
 */
public interface AlertRule extends Serializable {

  /** burst | negative_surge | watchlist | spread. */
  String kind();

  /** The scope had no post for {@code windows} windows before the next one: learn zeros, break streaks. */
  void skipEmpty(ScopeState state, long windows);

  /**
   * Learns from {@code window} and says whether it is alarming.
   *
   * @param warmupApplies whether this scope's type must first collect the rule's warm-up windows of history
   */
  Optional<Finding> evaluate(ScopeState state, WindowCount window, boolean warmupApplies);

  /** Whether the scope has {@code warmupWindows} windows of history before the current one (or needs none). */
  static boolean warm(ScopeState state, int warmupWindows, boolean warmupApplies) {
    return !warmupApplies || state.windowsSeen > warmupWindows;
  }
}
