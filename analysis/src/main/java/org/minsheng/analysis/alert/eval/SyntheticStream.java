package org.minsheng.analysis.alert.eval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.minsheng.analysis.alert.ScopeType;
import org.minsheng.analysis.alert.ScopedPost;

/**
 * A synthetic background of posts for {@code scopes} watched keywords over {@code days} days, with a daily rhythm
 * (trough at 04:30, afternoon plateau, evening bump at 21:00, Asia/Shanghai), a weekly one (weekends × 0.75), slow
 * noise (a log-normal factor per scope and hour, interpolated), Poisson counts, and injected bursts of known start,
 * size and length. Deterministic by seed.
 */
public final class SyntheticStream {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Monday 2026-11-02 00:00 Asia/Shanghai. */
  static final long START = ZonedDateTime.of(2026, 11, 2, 0, 0, 0, 0, ZONE).toInstant().toEpochMilli();
  private static final int SITES = 30;
  private static final String[] REGIONS = {"北京", "上海", "广东", "江苏", "浙江", "四川", "湖北", "河南", "山东", "陕西"};

  /** One injected burst: the scope's rate is multiplied by {@code multiplier} from {@code start} for {@code length}. */
  public record Burst(int scope, long start, long end, double multiplier, double baselinePerMinute) {}

  private final long seed;
  private final int scopes;
  private final int days;
  private final double[] peakPerMinute;
  private final double[][] hourlyNoise;
  private final List<Burst> bursts = new ArrayList<>();

  /**
   * @param minBurstPerMinute bursts are raised to at least this rate (a burst under the detector's minimum volume is
   *     not an alarm by design)
   */
  public SyntheticStream(long seed, int scopes, int days, double burstsPerDay, double minBurstPerMinute) {
    this.seed = seed;
    this.scopes = scopes;
    this.days = days;
    SplittableRandom r = new SplittableRandom(seed);
    peakPerMinute = new double[scopes];
    for (int i = 0; i < scopes; i++) {
      peakPerMinute[i] = Math.exp(Math.log(6) + r.nextDouble() * (Math.log(60) - Math.log(6)));
    }
    int hours = days * 24 + 2;
    hourlyNoise = new double[scopes][hours];
    for (int i = 0; i < scopes; i++) {
      for (int h = 0; h < hours; h++) {
        hourlyNoise[i][h] = Math.exp(0.12 * gaussian(r));
      }
    }
    int n = (int) Math.round(burstsPerDay * days);
    long dayMs = 86_400_000L;
    int guard = 0;
    while (bursts.size() < n && guard++ < n * 100) {
      int scope = r.nextInt(scopes);
      // not in the first 6 hours (baselines warm up) and at least 4 h after the scope's previous burst
      long start = START + 6 * 3_600_000L + (long) (r.nextDouble() * (days * dayMs - 8 * 3_600_000L));
      start = start / 1000 * 1000;
      long length = (10 + r.nextInt(31)) * 60_000L;
      long s0 = start;
      long e0 = start + length;
      if (bursts.stream().anyMatch(b -> b.scope() == scope
          && s0 < b.end() + 4 * 3_600_000L && b.start() < e0 + 4 * 3_600_000L)) {
        continue; // at least 4 h between bursts of one scope: hygiene would rightly merge closer ones
      }
      double base = expectedPerMinute(scope, start);
      double multiplier = 3 + r.nextDouble() * 5;
      multiplier = Math.max(multiplier, minBurstPerMinute / base);
      bursts.add(new Burst(scope, start, start + length, multiplier, base));
    }
    bursts.sort((a, b) -> Long.compare(a.start(), b.start()));
  }

  public List<Burst> bursts() {
    return List.copyOf(bursts);
  }

  public int scopes() {
    return scopes;
  }

  public long start() {
    return START;
  }

  public long end() {
    return START + days * 86_400_000L;
  }

  public static String scopeKey(int scope) {
    return "kw" + scope;
  }

  /** Background rate (posts per minute) of {@code scope} at {@code t}, without bursts. */
  public double expectedPerMinute(int scope, long t) {
    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZONE);
    double h = z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0;
    double daily = 0.15 + 0.85 * Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * (h - 4.5) / 24), 1.5)
        + 0.2 * Math.exp(-Math.pow((h - 21) / 1.5, 2));
    DayOfWeek d = z.getDayOfWeek();
    double weekly = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 0.75 : 1.0;
    double hoursSinceStart = (t - START) / 3_600_000.0;
    int hi = (int) Math.floor(hoursSinceStart);
    double frac = hoursSinceStart - hi;
    double noise = hourlyNoise[scope][hi] * (1 - frac) + hourlyNoise[scope][hi + 1] * frac;
    return peakPerMinute[scope] * daily * weekly * noise;
  }

  /** Rate including any burst active at {@code t}; the burst's last third decays linearly. */
  double ratePerMinute(int scope, long t) {
    double base = expectedPerMinute(scope, t);
    for (Burst b : bursts) {
      if (b.scope() == scope && t >= b.start() && t < b.end()) {
        double extra = (b.multiplier() - 1) * b.baselinePerMinute();
        long len = b.end() - b.start();
        long decayFrom = b.start() + 2 * len / 3;
        if (t > decayFrom) {
          extra *= 1 - (double) (t - decayFrom) / (b.end() - decayFrom);
        }
        return base + extra;
      }
    }
    return base;
  }

  boolean inBurst(int scope, long t) {
    for (Burst b : bursts) {
      if (b.scope() == scope && t >= b.start() && t < b.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The posts of {@code scope} in {@code [from, from + lengthMs)}: Poisson counts per second-slice of 5 s, uniform
   * times inside, 20 % negative in the background and 55 % in bursts, sites Zipf-distributed over 30 (bursts spread
   * over more of them).
   */
  public List<ScopedPost> posts(int scope, long from, long lengthMs) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + scope * 7_919L + from);
    List<ScopedPost> out = new ArrayList<>();
    for (long t = from; t < from + lengthMs; t += 5_000) {
      double lambda = ratePerMinute(scope, t) / 12.0;
      boolean burst = inBurst(scope, t);
      int n = poisson(r, lambda);
      for (int k = 0; k < n; k++) {
        ScopedPost p = new ScopedPost();
        p.scopeType = ScopeType.KEYWORD;
        p.scopeKey = scopeKey(scope);
        p.eventTime = t + r.nextInt(5_000);
        p.postId = scope + "-" + p.eventTime + "-" + k;
        p.title = "合成帖子 " + p.postId;
        p.url = "https://site" + k + ".example.cn/p/" + p.postId;
        p.site = "site" + (burst ? r.nextInt(SITES) : zipf(r, SITES)) + ".example.cn";
        p.region = REGIONS[burst ? r.nextInt(REGIONS.length) : zipf(r, REGIONS.length)];
        p.negative = r.nextDouble() < (burst ? 0.55 : 0.2);
        p.interactions = (long) Math.floor(Math.exp(2 * r.nextDouble() * 2));
        p.keywords = List.of(scopeKey(scope));
        out.add(p);
      }
    }
    return out;
  }

  private static int poisson(SplittableRandom r, double lambda) {
    if (lambda > 60) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
    }
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static int zipf(SplittableRandom r, int n) {
    // P(i) ∝ 1 / (i + 1): sample by inversion over the harmonic weights
    double h = 0;
    for (int i = 1; i <= n; i++) {
      h += 1.0 / i;
    }
    double u = r.nextDouble() * h;
    for (int i = 1; i <= n; i++) {
      u -= 1.0 / i;
      if (u <= 0) {
        return i - 1;
      }
    }
    return n - 1;
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = Math.max(1e-12, r.nextDouble());
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
