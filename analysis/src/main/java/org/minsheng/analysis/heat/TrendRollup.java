package org.minsheng.analysis.heat;

/**
 * One window of one trend key, the {@code minsheng-trends} document (id {@code <kind>:<key>:<windowStart>}). A Flink
 * POJO.
 */
public class TrendRollup {
  public String kind;
  public String key;
  public long windowStart;
  public long windowEnd;
  /** Original posts (reprints excluded, so a press release on 300 sites counts once). */
  public long volume;
  public long reprints;
  public long negative;
  public long neutral;
  public long positive;
  public long interactions;
  public long reach;
  public int sites;
  public double growth;
  public double heat;
  public String lifecycle;

  public TrendRollup() {}

  public String id() {
    return kind + ":" + key + ":" + windowStart;
  }
}
