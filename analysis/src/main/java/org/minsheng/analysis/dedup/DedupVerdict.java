package org.minsheng.analysis.dedup;

/** One bucket's answer for one post: the earliest earlier copy found there, or none. A Flink POJO. */
public class DedupVerdict {
  public String postId;
  /** Null when the bucket holds no copy. */
  public String originalId;
  public long originalTime;
  public String kind;
  public int distance;
  /** Verdicts the post expects in all (its probe count). */
  public int expected;
  /** The post's SimHash, as its probe carried it (0 in verdicts restored from before this field). */
  public long simhash;

  public DedupVerdict() {}

  public DedupVerdict(String postId, String originalId, long originalTime, String kind, int distance, int expected,
      long simhash) {
    this.postId = postId;
    this.originalId = originalId;
    this.originalTime = originalTime;
    this.kind = kind;
    this.distance = distance;
    this.expected = expected;
    this.simhash = simhash;
  }

  /** The better of two verdicts: a copy beats none, exact beats near, the earlier original wins. */
  public static DedupVerdict better(DedupVerdict a, DedupVerdict b) {
    if (a == null || a.originalId == null) {
      return b;
    }
    if (b == null || b.originalId == null) {
      return a;
    }
    if (!a.kind.equals(b.kind)) {
      return "exact".equals(a.kind) ? a : b;
    }
    return b.originalTime < a.originalTime ? b : a;
  }
}
