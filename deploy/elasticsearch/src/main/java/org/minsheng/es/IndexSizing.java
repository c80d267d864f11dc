package org.minsheng.es;

/**
 * Primary shards and replicas of the indices of one family (posts, dead letters, …), put into its template's settings.
 *
 * @param shards primary shards (≥ 1); fixed once an index exists (a new value applies to indices created afterwards)
 * @param replicas replicas per primary (≥ 0); 0 on a one-node cluster, where a replica could never be allocated
 */
public record IndexSizing(int shards, int replicas) {
  /** One shard, no replica: the local single node. */
  public static final IndexSizing SINGLE_NODE = new IndexSizing(1, 0);

  public IndexSizing {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1: " + shards);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0: " + replicas);
    }
  }
}
