package org.minsheng.analysis.dedup;

/**
 * Band LSH over a 64-bit SimHash: four bands of 16 bits. Two hashes within Hamming distance 3 differ in at most three
 * bands, so at least one band is identical (pigeonhole) and the pair meets in that band's bucket.
 */
public final class Bands {
  public static final int COUNT = 4;
  public static final int WIDTH = 16;

  private Bands() {}

  /** Bucket key of band {@code i}: {@code "b<i>:<hex value>"}. */
  public static String key(long simhash, int i) {
    int value = (int) ((simhash >>> (i * WIDTH)) & 0xffff);
    return "b" + i + ":" + Integer.toHexString(value);
  }
}
