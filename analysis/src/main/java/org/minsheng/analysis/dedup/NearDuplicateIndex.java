package org.minsheng.analysis.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory form of the job's duplicate detection (the same band buckets, the same rule), for the reprint evaluation
 * and tests: exact key first, then the earliest earlier post within {@code maxDistance} bits in any shared band.
 */
public final class NearDuplicateIndex {
  /** A post seen before. */
  public record Seen(String id, long simhash, long time, long[] sketch) {}

  /** Verdict: the earliest copy and how it matched, or none. */
  public record Match(String originalId, String kind, int distance) {}

  private final int maxDistance;
  private final Map<String, Seen> exact = new HashMap<>();
  private final Map<String, List<Seen>> buckets = new HashMap<>();

  public NearDuplicateIndex(int maxDistance) {
    this.maxDistance = maxDistance;
  }

  /** Finds the post's earliest copy, then remembers the post. */
  public Match checkAndAdd(String id, String contentKey, long simhash, long[] sketch, long time) {
    Match m = find(contentKey, simhash, sketch);
    Seen self = new Seen(id, simhash, time, sketch);
    exact.putIfAbsent(contentKey, self);
    for (int i = 0; i < Bands.COUNT; i++) {
      buckets.computeIfAbsent(Bands.key(simhash, i), k -> new ArrayList<>()).add(self);
    }
    for (long h : sketch) {
      buckets.computeIfAbsent(SentenceSketch.key(h), k -> new ArrayList<>()).add(self);
    }
    return m;
  }

  public Match find(String contentKey, long simhash, long[] sketch) {
    Seen e = exact.get(contentKey);
    if (e != null) {
      return new Match(e.id(), "exact", SimHash.distance(e.simhash(), simhash));
    }
    Seen best = null;
    int bestD = Integer.MAX_VALUE;
    for (int i = 0; i < Bands.COUNT; i++) {
      List<Seen> bucket = buckets.get(Bands.key(simhash, i));
      if (bucket == null) {
        continue;
      }
      for (Seen s : bucket) {
        int d = SimHash.distance(s.simhash(), simhash);
        if (d <= maxDistance && (best == null || s.time() < best.time())) {
          best = s;
          bestD = d;
        }
      }
    }
    for (long h : sketch) {
      List<Seen> bucket = buckets.get(SentenceSketch.key(h));
      if (bucket == null) {
        continue;
      }
      for (Seen s : bucket) {
        if (SentenceSketch.reprints(sketch, s.sketch()) && (best == null || s.time() < best.time())) {
          best = s;
          bestD = SimHash.distance(s.simhash(), simhash);
        }
      }
    }
    return best == null ? null : new Match(best.id(), "near", bestD);
  }
}
