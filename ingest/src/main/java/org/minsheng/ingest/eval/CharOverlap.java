package org.minsheng.ingest.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Precision, recall and F1 of an extracted text against a gold text over the multiset of their non-whitespace
 * characters (code points). An empty extraction scores 0 unless the gold is empty too.
 */
public record CharOverlap(double precision, double recall, double f1) {
  public static final CharOverlap ZERO = new CharOverlap(0, 0, 0);

  public static CharOverlap of(String extracted, String gold) {
    Map<Integer, Integer> e = counts(extracted);
    Map<Integer, Integer> g = counts(gold);
    int eTotal = e.values().stream().mapToInt(Integer::intValue).sum();
    int gTotal = g.values().stream().mapToInt(Integer::intValue).sum();
    if (eTotal == 0 && gTotal == 0) {
      return new CharOverlap(1, 1, 1);
    }
    if (eTotal == 0 || gTotal == 0) {
      return ZERO;
    }
    int common = 0;
    for (Map.Entry<Integer, Integer> x : e.entrySet()) {
      common += Math.min(x.getValue(), g.getOrDefault(x.getKey(), 0));
    }
    double p = (double) common / eTotal;
    double r = (double) common / gTotal;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new CharOverlap(p, r, f);
  }

  private static Map<Integer, Integer> counts(String s) {
    Map<Integer, Integer> m = new HashMap<>();
    if (s == null) {
      return m;
    }
    s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0xA0 && c != 0x3000 && c != 0x200B && c != 0xFEFF)
        .forEach(c -> m.merge(c, 1, Integer::sum));
    return m;
  }
}
