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
      if (blank(w)) {
        continue;
      }
      long wordHash = fnv(FNV_OFFSET, w);
      vote(votes, finish(wordHash));
      if (prev != null) {
        // the hash of prev + '\u0001' + w, without building that string: FNV-1a goes char by char
        vote(votes, finish(fnv(step(fnv(FNV_OFFSET, prev), '\u0001'), w)));
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

  /** {@link String#isBlank()} for null too, deciding on the first char for the usual word. */
  private static boolean blank(String w) {
    return w == null || w.isEmpty() || (Character.isWhitespace(w.charAt(0)) && w.isBlank());
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
      votes[i] += (((int) (h >>> i)) & 1) * 2 - 1;
    }
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;

  /** FNV-1a over UTF-16 units, finished with the SplitMix64 mixer so that every output bit depends on every input. */
  static long hash64(String s) {
    return finish(fnv(FNV_OFFSET, s));
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = step(h, s.charAt(i));
    }
    return h;
  }

  private static long step(long h, char c) {
    return (h ^ c) * 0x100000001b3L;
  }

  private static long finish(long h) {
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
