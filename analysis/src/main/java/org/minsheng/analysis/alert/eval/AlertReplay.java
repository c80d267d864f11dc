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
  private final double lateShare;
  private final long lateMaxMs;
  private final long lateSeed;
  private final boolean lateInBurstsOnly;

  public AlertReplay(AlertSettings settings) {
    this(settings, 0, 0, 0, false);
  }

  /**
   * @param lateShare share of posts that arrive late: after their window has been counted, by a delay uniform in
   *     (0, {@code lateMaxMs}] after its end; they reach the detector as late firings of their window (as the Flink
   *     window operator fires a window again), or are dropped when the window is beyond the allowed lateness
   * @param lateSeed seed of the late draws (independent of the stream's, so the posts are the same as without)
   * @param lateInBurstsOnly only posts of windows inside an injected burst can be late (a burst from a slow source)
   */
  public AlertReplay(AlertSettings settings, double lateShare, long lateMaxMs, long lateSeed,
      boolean lateInBurstsOnly) {
    if (lateShare < 0 || lateShare > 1 || (lateShare > 0 && lateMaxMs <= 0)) {
      throw new IllegalArgumentException("late share must be in [0, 1] with a positive maximum delay");
    }
    this.settings = settings;
    this.lateShare = lateShare;
    this.lateMaxMs = lateMaxMs;
    this.lateSeed = lateSeed;
    this.lateInBurstsOnly = lateInBurstsOnly;
  }

  /** A post held back: it arrives at {@code arrivesAt} (event-time clock) for the window starting at {@code window}. */
  private record LatePost(long arrivesAt, long window, ScopedPost post) {}

  public Result run(SyntheticStream stream) {
    AlertDetector detector = AlertDetector.fromSettings(settings);
    long windowMs = settings.window.size.toMillis();
    long latenessMs = settings.window.allowedLateness.toMillis();
    int n = stream.scopes();
    ScopeState[] states = new ScopeState[n];
    List<java.util.TreeMap<Long, WindowAccumulator>> open = new ArrayList<>();
    List<java.util.ArrayDeque<LatePost>> held = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      states[i] = new ScopeState();
      open.add(new java.util.TreeMap<>());
      held.add(new java.util.ArrayDeque<>());
    }
    java.util.Random lateRandom = new java.util.Random(lateSeed);
    List<Alert>[] alertsByScope = newLists(n);
    long windows = 0;
    long posts = 0;
    for (long w = stream.start(); w < stream.end(); w += windowMs) {
      long clock = w + windowMs; // the watermark passes the end of window w
      for (int s = 0; s < n; s++) {
        List<ScopedPost> batch = stream.posts(s, w, windowMs);
        posts += batch.size();
        WindowAccumulator acc = new WindowAccumulator();
        boolean any = false;
        boolean mayBeLate = lateShare > 0 && (!lateInBurstsOnly || stream.inBurst(s, w));
        for (ScopedPost p : batch) {
          if (mayBeLate && lateRandom.nextDouble() < lateShare) {
            long delay = 1 + (long) (lateRandom.nextDouble() * lateMaxMs);
            held.get(s).add(new LatePost(clock + delay, w, p));
          } else {
            acc.add(p, settings.window);
            any = true;
          }
        }
        if (lateShare > 0) {
          open.get(s).put(w, acc);
        }
        if (any) {
          WindowCount count = acc.toCount(w, w + windowMs, settings.window);
          emitted(alertsByScope[s], detector.onWindow(states[s], count), clock);
          windows++;
        }
        if (lateShare > 0) {
          windows += deliverLate(detector, states[s], open.get(s), held.get(s), clock, windowMs, latenessMs,
              alertsByScope[s]);
        }
      }
    }
    return score(stream, alertsByScope, windowMs, windows, posts);
  }

  /**
   * Delivers the held posts that have arrived by {@code clock}: each window they join fires again with its complete
   * count (on-time and late posts so far), as long as it is within the allowed lateness; later ones are dropped.
   *
   * @return late firings delivered
   */
  private long deliverLate(AlertDetector detector, ScopeState state, java.util.TreeMap<Long, WindowAccumulator> open,
      java.util.ArrayDeque<LatePost> held, long clock, long windowMs, long latenessMs, List<Alert> out) {
    java.util.TreeSet<Long> touched = new java.util.TreeSet<>();
    int pending = held.size();
    for (int i = 0; i < pending; i++) {
      LatePost lp = held.poll();
      if (lp.arrivesAt() > clock) {
        held.add(lp);
        continue;
      }
      WindowAccumulator acc = open.get(lp.window());
      if (acc != null && lp.window() + windowMs + latenessMs > clock) {
        acc.add(lp.post(), settings.window);
        touched.add(lp.window());
      }
    }
    long fired = 0;
    for (long w : touched) {
      WindowCount count = open.get(w).toCount(w, w + windowMs, settings.window);
      if (state.lastWindowEnd == 0 || count.windowEnd > state.lastWindowEnd || detector.canCorrect(state, count)) {
        emitted(out, detector.onWindow(state, count), clock);
        fired++;
      }
    }
    open.headMap(clock - windowMs - latenessMs, true).clear();
    return fired;
  }

  /** Alerts as seen at {@code clock}: a late correction's alert is stamped when it is made, not with its window. */
  private static void emitted(List<Alert> out, List<Alert> alerts, long clock) {
    for (Alert a : alerts) {
      a.updatedAt = Math.max(a.updatedAt, clock);
      out.add(a);
    }
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
