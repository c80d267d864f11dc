package org.minsheng.analysis.dedup;

/**
 * One post looking for earlier copies in one bucket (its exact key, one SimHash band or one sentence of its sketch). A
 * Flink POJO.
 */
public class DedupProbe {
  public String bucket;
  public String postId;
  public long simhash;
  public long eventTime;
  public String site;
  /** exact (any entry is an exact copy), band (SimHash distance decides) or sentence (sketch overlap decides). */
  public String kind;
  /** The post's sentence sketch (sorted). */
  public long[] sketch;
  /** How many probes the post sent: the verdict join waits for as many verdicts. */
  public int probes;

  public DedupProbe() {}

  public DedupProbe(String bucket, String postId, long simhash, long[] sketch, long eventTime, String site,
      String kind, int probes) {
    this.bucket = bucket;
    this.postId = postId;
    this.simhash = simhash;
    this.sketch = sketch;
    this.eventTime = eventTime;
    this.site = site;
    this.kind = kind;
    this.probes = probes;
  }
}
