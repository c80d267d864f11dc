package org.minsheng.analysis.dedup;

import java.util.List;

/**
 * 64-bit SimHash (Charikar 2002) over word shingles: every word and every pair of adjacent words is a feature of
 * weight 1 (repeats add up), so a reprint with a changed header, an inserted 来源 line or a trimmed paragraph keeps
 * most of its features and lands within a few bits. Words of one character other than letters/digits are skipped.
 */
public final class SimHash {
  public static final int BITS = 64;

  private SimHash() {}

  public static long of(List<String> tokens) {
    int[] votes = new int[BITS];
    String prev = null;
    int features = 0;
    for (String w : tokens) {
      if (w == null || w.isBlank()) {
        continue;
      }
      vote(votes, hash64(w));
      if (prev != null) {
        vote(votes, hash64(prev + '\u0001' + w));
      }
      prev = w;
      features++;
    }
    if (features == 0) {
      return 0L;
    }
    long h = 0;
    for (int i = 0; i < BITS; i++) {
      if (votes[i] > 0) {
        h |= 1L << i;
      }
    }
    return h;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Sixteen lower-case hex digits, as stored in Elasticsearch. */
  public static String hex(long h) {
    return String.format("%016x", h);
  }

  private static void vote(int[] votes, long h) {
    for (int i = 0; i < BITS; i++) {
      votes[i] += ((h >>> i) & 1L) != 0 ? 1 : -1;
    }
  }

  /** FNV-1a over UTF-16 units, finished with the SplitMix64 mixer so that every output bit depends on every input. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
