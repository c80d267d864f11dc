package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Everything the alerting keeps about one scope: one Flink {@code ValueState} per key. Each rule owns its part;
 * {@link #gates} holds the hygiene state per rule name (live alert, cooldown).
 */
public class ScopeState implements Serializable {
  private static final long serialVersionUID = 1L;

  public String scopeType;
  public String scopeKey;
  /** End of the last window seen (epoch ms), 0 before the first. */
  public long lastWindowEnd;
  /** Windows elapsed since the scope's first window, empty ones included: the warm-up clock. */
  public long windowsSeen;

  public BurstState burst = new BurstState();
  public NegativeState negative = new NegativeState();
  public SpreadState spread = new SpreadState();
  public HashMap<String, GateState> gates = new HashMap<>();

  /**
   * The rule state (burst, negative, spread, window clock) as it was before the oldest of {@link #replayWindows}: what
   * a late firing of one of those windows is replayed from ({@code AlertDetector}). Null while no counted window can
   * still be corrected (allowed lateness 0, or every window of the scope is final).
   */
  public RuleSnapshot replayBase;
  /**
   * The counted windows that a late post can still correct (end within the allowed lateness of the newest), oldest
   * first, as last counted. Empty when {@link #replayBase} is null.
   */
  public ArrayList<WindowCount> replayWindows = new ArrayList<>();

  public ScopeState() {}

  /** A deep copy of the rule state and the window clock (not the gates: alerts already sent are not taken back). */
  public RuleSnapshot snapshotRules() {
    RuleSnapshot r = new RuleSnapshot();
    r.lastWindowEnd = lastWindowEnd;
    r.windowsSeen = windowsSeen;
    r.burst = burst.copy();
    r.negative = negative.copy();
    r.spread = spread.copy();
    return r;
  }

  /** Puts a deep copy of {@code r} in place of this scope's rule state and window clock; gates stay as they are. */
  public void restoreRules(RuleSnapshot r) {
    lastWindowEnd = r.lastWindowEnd;
    windowsSeen = r.windowsSeen;
    burst = r.burst.copy();
    negative = r.negative.copy();
    spread = r.spread.copy();
  }

  /**
   * A scope state whose rule state is {@code r}'s own objects (not copies), for advancing a snapshot with the same
   * rule code; copy the clock back with {@link RuleSnapshot#takeClock}.
   */
  static ScopeState viewOf(RuleSnapshot r, String scopeType, String scopeKey) {
    ScopeState v = new ScopeState();
    v.scopeType = scopeType;
    v.scopeKey = scopeKey;
    v.lastWindowEnd = r.lastWindowEnd;
    v.windowsSeen = r.windowsSeen;
    v.burst = r.burst;
    v.negative = r.negative;
    v.spread = r.spread;
    return v;
  }

  /** The rule state of a scope at one point of its window sequence (see {@link #replayBase}). */
  public static class RuleSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    public long lastWindowEnd;
    public long windowsSeen;
    public BurstState burst = new BurstState();
    public NegativeState negative = new NegativeState();
    public SpreadState spread = new SpreadState();

    void takeClock(ScopeState view) {
      lastWindowEnd = view.lastWindowEnd;
      windowsSeen = view.windowsSeen;
    }
  }

  /** Burst rule state. */
  public static class BurstState implements Serializable {
    public Ewma volume = new Ewma();
    public int streak;
    /** Anomaly flags of the latest windows, newest in bit 0. */
    public int recent;

    BurstState copy() {
      BurstState c = new BurstState();
      c.volume = volume.copy();
      c.streak = streak;
      c.recent = recent;
      return c;
    }
  }

  /** Negative-surge rule state. */
  public static class NegativeState implements Serializable {
    public Ewma count = new Ewma();
    public Ewma share = new Ewma();
    public int streak;

    NegativeState copy() {
      NegativeState c = new NegativeState();
      c.count = count.copy();
      c.share = share.copy();
      c.streak = streak;
      return c;
    }
  }

  /** Spread rule state: when each site / region was first and last seen (window end) within the rule's memory. */
  public static class SpreadState implements Serializable {
    public HashMap<String, Long> siteFirstSeen = new HashMap<>();
    public HashMap<String, Long> siteLastSeen = new HashMap<>();
    public HashMap<String, Long> regionFirstSeen = new HashMap<>();
    public HashMap<String, Long> regionLastSeen = new HashMap<>();

    SpreadState copy() {
      SpreadState c = new SpreadState();
      c.siteFirstSeen = new HashMap<>(siteFirstSeen);
      c.siteLastSeen = new HashMap<>(siteLastSeen);
      c.regionFirstSeen = new HashMap<>(regionFirstSeen);
      c.regionLastSeen = new HashMap<>(regionLastSeen);
      return c;
    }
  }

  /** Hygiene state of one rule for this scope. */
  public static class GateState implements Serializable {
    /** The live alert, null when none. */
    public String alertId;
    public String level;
    public long firedAt;
    public long lastFiringAt;
    public long escalatedAt;
    /** No new alert before this instant (epoch ms). */
    public long cooldownUntil;
    /** "at|level" entries: the firing and each escalation, for the document's history. */
    public java.util.ArrayList<String> history = new java.util.ArrayList<>();
  }
}
