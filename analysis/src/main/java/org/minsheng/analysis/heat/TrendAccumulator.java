package org.minsheng.analysis.heat;

import java.util.HashSet;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums one key's trend items in a window. The site set is bounded by {@link #MAX_SITES}. */
public final class TrendAccumulator implements AggregateFunction<TrendItem, TrendAccumulator.Acc, TrendAccumulator.Acc> {
  static final int MAX_SITES = 256;

  /** Running sums. A Flink POJO. */
  public static class Acc {
    public long volume;
    public long reprints;
    public long negative;
    public long neutral;
    public long positive;
    public long interactions;
    public long reach;
    public HashSet<String> sites = new HashSet<>();

    public Acc() {}
  }

  @Override
  public Acc createAccumulator() {
    return new Acc();
  }

  @Override
  public Acc add(TrendItem i, Acc a) {
    if (i.reprint) {
      a.reprints++;
    } else {
      a.volume++;
      if ("negative".equals(i.sentiment)) {
        a.negative++;
      } else if ("positive".equals(i.sentiment)) {
        a.positive++;
      } else {
        a.neutral++;
      }
    }
    a.interactions += i.interactions;
    a.reach += i.reach;
    if (i.site != null && a.sites.size() < MAX_SITES) {
      a.sites.add(i.site);
    }
    return a;
  }

  @Override
  public Acc getResult(Acc a) {
    return a;
  }

  @Override
  public Acc merge(Acc a, Acc b) {
    a.volume += b.volume;
    a.reprints += b.reprints;
    a.negative += b.negative;
    a.neutral += b.neutral;
    a.positive += b.positive;
    a.interactions += b.interactions;
    a.reach += b.reach;
    for (String s : b.sites) {
      if (a.sites.size() < MAX_SITES) {
        a.sites.add(s);
      }
    }
    return a;
  }
}
