package org.minsheng.analysis.dedup;

/** One post looking for earlier copies in one bucket (its exact key or one SimHash band). A Flink POJO. */
public class DedupProbe {
  public String bucket;
  public String postId;
  public long simhash;
  public long eventTime;
  public String site;
  /** True for the exact-key bucket: any entry there is an exact copy. */
  public boolean exact;

  public DedupProbe() {}

  public DedupProbe(String bucket, String postId, long simhash, long eventTime, String site, boolean exact) {
    this.bucket = bucket;
    this.postId = postId;
    this.simhash = simhash;
    this.eventTime = eventTime;
    this.site = site;
    this.exact = exact;
  }
}
