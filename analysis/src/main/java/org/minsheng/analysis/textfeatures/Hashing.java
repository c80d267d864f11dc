package org.minsheng.analysis.textfeatures;

/**
 * Stateless hash functions for feature hashing and word lookup. 64-bit FNV-1a over UTF-16 chars, finalised with the
 * MurmurHash3 mixer, so that a word's hash can be extended one character at a time while scanning a text.
 */
public final class Hashing {
  public static final long FNV_OFFSET = 0xcbf29ce484222325L;
  public static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** One FNV-1a step: the hash of the current prefix extended by {@code c}. */
  public static long extend(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  /** The FNV-1a hash of a whole string (the value {@link #extend} reaches after its last char). */
  public static long of(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h = extend(h, s.charAt(i));
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser. */
  public static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** A bucket in {@code [0, 2^bits)} for a raw hash in a feature namespace. */
  public static int bucket(long h, long namespace, int bits) {
    return (int) (mix(h ^ namespace * 0x9e3779b97f4a7c15L) >>> (64 - bits));
  }
}
