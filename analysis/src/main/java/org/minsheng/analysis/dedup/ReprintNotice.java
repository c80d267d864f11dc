package org.minsheng.analysis.dedup;

/**
 * A reprint found for an original post: what the original's document must learn (reprint count, sites). A Flink
 * POJO.
 */
public class ReprintNotice {
  public String originalId;
  /** Publication time of the original, epoch ms: names the monthly posts index its document lives in. */
  public long originalTime;
  public String reprintId;
  public String site;

  public ReprintNotice() {}

  public ReprintNotice(String originalId, long originalTime, String reprintId, String site) {
    this.originalId = originalId;
    this.originalTime = originalTime;
    this.reprintId = reprintId;
    this.site = site;
  }
}
