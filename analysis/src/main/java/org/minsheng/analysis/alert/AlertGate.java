package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Alert hygiene for one scope and rule: one live alert until it escalates; a live alert ends after {@code quietAfter}
 * of event time without a firing window, after which the scope and rule stay silent until {@code cooldown} after the
 * last firing window. Works on {@link ScopeState.GateState} so it lives in keyed state.
 */
public final class AlertGate implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What to do with a finding. */
  public enum Decision { NEW, ESCALATE, SUPPRESS }

  private final long quietAfterMs;
  private final long cooldownMs;

  public AlertGate(Duration quietAfter, Duration cooldown) {
    this.quietAfterMs = quietAfter.toMillis();
    this.cooldownMs = cooldown.toMillis();
  }

  /** Ends the live alert if it has gone quiet by {@code now}; says whether the gate holds nothing worth keeping. */
  public boolean expire(ScopeState.GateState g, long now) {
    if (g.alertId != null && now - g.lastFiringAt > quietAfterMs) {
      g.cooldownUntil = g.lastFiringAt + cooldownMs;
      g.alertId = null;
      g.level = null;
      g.history.clear();
    }
    return g.alertId == null && now >= g.cooldownUntil;
  }

  /** Decides on a finding graded {@code level} in the window ending at {@code now}, updating the gate. */
  public Decision decide(ScopeState.GateState g, String scopeId, String ruleName, AlertLevel level, long now) {
    expire(g, now);
    if (g.alertId == null) {
      if (now < g.cooldownUntil) {
        return Decision.SUPPRESS;
      }
      g.alertId = alertId(scopeId, ruleName, now);
      g.level = level.name();
      g.firedAt = now;
      g.lastFiringAt = now;
      g.escalatedAt = 0;
      g.history.clear();
      g.history.add(now + "|" + level.name());
      return Decision.NEW;
    }
    // a late correction may re-decide a window older than the latest firing: the live alert's clock never goes back
    g.lastFiringAt = Math.max(g.lastFiringAt, now);
    if (level.higherThan(AlertLevel.valueOf(g.level))) {
      g.level = level.name();
      g.escalatedAt = now;
      g.history.add(now + "|" + level.name());
      return Decision.ESCALATE;
    }
    return Decision.SUPPRESS;
  }

  /** Deterministic id, so a replayed window produces the same document instead of a second alert. */
  static String alertId(String scopeId, String ruleName, long firedAt) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((scopeId + "|" + ruleName + "|" + firedAt).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JRE", e);
    }
  }
}
