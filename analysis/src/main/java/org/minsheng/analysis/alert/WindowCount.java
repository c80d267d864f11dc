package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one scope during one event-time window: the input of every rule. Produced by the Flink window
 * (or by the benchmark replaying a synthetic stream) through {@link WindowAccumulator}.
 */
public class WindowCount implements Serializable {
  private static final long serialVersionUID = 1L;

  public String scopeType;
  public String scopeKey;
  public long windowStart;
  public long windowEnd;
  public long volume;
  public long negative;
  public double heat;
  /** Distinct sites, capped at the configured maximum. */
  public List<String> sites = new ArrayList<>();
  public List<String> regions = new ArrayList<>();
  /** Most frequent post keywords in the window, most frequent first. */
  public List<String> keywords = new ArrayList<>();
  /** Posts with the most interactions, first. */
  public List<PostRef> topPosts = new ArrayList<>();

  /**
   * True for an early, partial count of a window still open (a watch-list window that reached its rule's minimum;
   * see {@code flink.WatchlistEarlyTrigger}): only the watch-list rule evaluates it; the window's final count follows.
   */
  public boolean early;

  public WindowCount() {}

  public String scopeId() {
    return ScopeType.scopeId(scopeType, scopeKey);
  }

  public double negativeShare() {
    return volume == 0 ? 0 : (double) negative / volume;
  }
}
