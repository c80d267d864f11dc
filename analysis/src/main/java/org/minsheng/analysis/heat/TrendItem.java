package org.minsheng.analysis.heat;

/** One post's contribution to one trend key (topic, keyword or region). A Flink POJO. */
public class TrendItem {
  public String kind;
  public String key;
  public long eventTime;
  public boolean reprint;
  public String sentiment;
  public long interactions;
  public long reach;
  public String site;

  public TrendItem() {}

  public String trendKey() {
    return kind + ":" + key;
  }
}
