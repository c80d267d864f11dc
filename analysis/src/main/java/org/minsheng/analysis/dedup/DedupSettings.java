package org.minsheng.analysis.dedup;

import java.io.Serializable;

/**
 * Duplicate detection settings ({@code topics.dedup} in {@code minsheng-analysis.yaml}).
 *
 * @param maxDistance Hamming distance up to which two SimHashes are near duplicates (≤ 3 keeps the band guarantee)
 * @param ttlMinutes how long a post can be found as an original (event time)
 * @param maxBucketEntries posts kept per bucket (the earliest); a full bucket still answers but stops remembering
 * @param maxReprintSites sites listed on an original's document
 */
public record DedupSettings(int maxDistance, double ttlMinutes, int maxBucketEntries, int maxReprintSites)
    implements Serializable {

  public DedupSettings {
    if (maxDistance < 0 || maxDistance >= Bands.COUNT) {
      throw new IllegalArgumentException("maxDistance must be in 0.." + (Bands.COUNT - 1)
          + " so that one of " + Bands.COUNT + " bands always matches, was " + maxDistance);
    }
  }

  public static DedupSettings defaults() {
    return new DedupSettings(3, 7 * 24 * 60, 64, 50);
  }

  public long ttlMs() {
    return (long) (ttlMinutes * 60_000);
  }
}
