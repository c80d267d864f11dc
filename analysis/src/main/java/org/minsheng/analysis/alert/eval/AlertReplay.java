package org.minsheng.analysis.alert.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDetector;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.ScopeState;
import org.minsheng.analysis.alert.ScopedPost;
import org.minsheng.analysis.alert.WindowAccumulator;
import org.minsheng.analysis.alert.WindowCount;

/**
 * Replays a {@link SyntheticStream} through the real alerting code — {@link WindowAccumulator} (the Flink window's
 * aggregate) and {@link AlertDetector} (the Flink detector operator's core), with one {@link ScopeState} per scope —
 * and scores it against the injected bursts.
 *
 * <p>A burst is detected when a {@code burst} alert for its scope fires (new or escalation) between its start and two
 * windows after its end; the delay is the event time of the firing window's end minus the burst's start. Every new
 * alert of any rule that is not within a burst (or 30 min after one, where its tail still shows) is a false alarm.
 */
public final class AlertReplay {

  /** The scored result. */
  public record Result(int bursts, int detected, double medianDelaySeconds, double p95DelaySeconds,
      double falseAlarmsPerDay, int falseAlarms, java.util.Map<String, Integer> falseAlarmsByRule, double days,
      long windows, long posts, List<Long> delaysMs, List<SyntheticStream.Burst> missed) {

    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"bursts\":%d,\"detected\":%d,\"median_delay_s\":%.1f,\"p95_delay_s\":%.1f,\"false_alarms_per_day\":%.2f,"
              + "\"false_alarms\":%d,\"false_alarms_by_rule\":%s,\"days\":%.1f,\"windows\":%d,\"posts\":%d}",
          bursts, detected, medianDelaySeconds, p95DelaySeconds, falseAlarmsPerDay, falseAlarms, byRuleJson(), days,
          windows, posts);
    }

    private String byRuleJson() {
      StringBuilder b = new StringBuilder("{");
      falseAlarmsByRule.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return b.append('}').toString();
    }
  }

  private final AlertSettings settings;

  public AlertReplay(AlertSettings settings) {
    this.settings = settings;
  }

  public Result run(SyntheticStream stream) {
    AlertDetector detector = AlertDetector.fromSettings(settings);
    long windowMs = settings.window.size.toMillis();
    int n = stream.scopes();
    ScopeState[] states = new ScopeState[n];
    for (int i = 0; i < n; i++) {
      states[i] = new ScopeState();
    }
    List<Alert>[] alertsByScope = newLists(n);
    long windows = 0;
    long posts = 0;
    for (long w = stream.start(); w < stream.end(); w += windowMs) {
      for (int s = 0; s < n; s++) {
        List<ScopedPost> batch = stream.posts(s, w, windowMs);
        if (batch.isEmpty()) {
          continue;
        }
        WindowAccumulator acc = new WindowAccumulator();
        for (ScopedPost p : batch) {
          acc.add(p, settings.window);
        }
        posts += batch.size();
        WindowCount count = acc.toCount(w, w + windowMs, settings.window);
        alertsByScope[s].addAll(detector.onWindow(states[s], count));
        windows++;
      }
    }
    return score(stream, alertsByScope, windowMs, windows, posts);
  }

  private static Result score(SyntheticStream stream, List<Alert>[] alertsByScope, long windowMs, long windows,
      long posts) {
    List<SyntheticStream.Burst> bursts = stream.bursts();
    List<Long> delays = new ArrayList<>();
    List<SyntheticStream.Burst> missed = new ArrayList<>();
    for (SyntheticStream.Burst b : bursts) {
      Long delay = null;
      for (Alert a : alertsByScope[b.scope()]) {
        if (a.rule.equals("burst") && a.updatedAt >= b.start() && a.updatedAt <= b.end() + 2 * windowMs) {
          delay = a.updatedAt - b.start();
          break;
        }
      }
      if (delay == null) {
        missed.add(b);
      } else {
        delays.add(delay);
      }
    }
    int falseAlarms = 0;
    java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
    for (int s = 0; s < alertsByScope.length; s++) {
      for (Alert a : alertsByScope[s]) {
        if (a.escalation) {
          continue;
        }
        boolean explained = false;
        for (SyntheticStream.Burst b : bursts) {
          if (b.scope() == s && a.updatedAt >= b.start() && a.updatedAt <= b.end() + 30 * 60_000L) {
            explained = true;
            break;
          }
        }
        if (!explained) {
          falseAlarms++;
          byRule.merge(a.rule, 1, Integer::sum);
        }
      }
    }
    delays.sort(Long::compare);
    double days = (stream.end() - stream.start()) / 86_400_000.0;
    return new Result(bursts.size(), delays.size(), percentile(delays, 0.5) / 1000.0,
        percentile(delays, 0.95) / 1000.0, falseAlarms / days, falseAlarms, byRule, days, windows, posts, delays, missed);
  }

  /** Nearest-rank percentile of sorted values (0 when empty). */
  static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  @SuppressWarnings("unchecked")
  private static List<Alert>[] newLists(int n) {
    List<Alert>[] out = new List[n];
    for (int i = 0; i < n; i++) {
      out[i] = new ArrayList<>();
    }
    return out;
  }
}
