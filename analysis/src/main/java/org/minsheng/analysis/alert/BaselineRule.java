package org.minsheng.analysis.alert;

/**
 * What {@link BurstRule} and {@link NegativeSurgeRule} share: a count compared against the scope's own EWMA baseline
 * with a half-life in windows, and a run of anomalous windows needed before firing. Silence teaches the baseline
 * zeros and breaks the run; the rules differ only in what they count and how they judge a window.
 */
abstract class BaselineRule implements AlertRule {
  private static final long serialVersionUID = 1L;

  private final String kind;
  /** EWMA weight of one window, from the rule's half-life in windows. */
  protected final double alpha;

  BaselineRule(String kind, int halfLifeWindows) {
    this.kind = kind;
    this.alpha = Ewma.alpha(halfLifeWindows);
  }

  @Override
  public final String kind() {
    return kind;
  }

  @Override
  public final void skipEmpty(ScopeState state, long windows) {
    baseline(state).updateZeros(windows, alpha);
    if (windows > 0) {
      breakRun(state);
    }
  }

  /** The count baseline that learns a zero for every empty window. */
  abstract Ewma baseline(ScopeState state);

  /** Forgets the run of anomalous windows, because the scope fell silent. */
  abstract void breakRun(ScopeState state);
}
