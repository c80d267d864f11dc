package org.minsheng.analysis.alert;

import java.io.Serializable;
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

  public ScopeState() {}

  /** Burst rule state. */
  public static class BurstState implements Serializable {
    public Ewma volume = new Ewma();
    public int streak;
    /** Anomaly flags of the latest windows, newest in bit 0. */
    public int recent;
  }

  /** Negative-surge rule state. */
  public static class NegativeState implements Serializable {
    public Ewma count = new Ewma();
    public Ewma share = new Ewma();
    public int streak;
  }

  /** Spread rule state: when each site / region was first and last seen (window end) within the rule's memory. */
  public static class SpreadState implements Serializable {
    public HashMap<String, Long> siteFirstSeen = new HashMap<>();
    public HashMap<String, Long> siteLastSeen = new HashMap<>();
    public HashMap<String, Long> regionFirstSeen = new HashMap<>();
    public HashMap<String, Long> regionLastSeen = new HashMap<>();
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
