package org.minsheng.analysis.keywords;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Streaming document frequencies in bounded memory: counts decay by half every {@code halfLifeDocs} documents (so the
 * vocabulary follows the news of the day), and when more than {@code maxTerms} terms are held the rarest are dropped.
 * Smoothed IDF: {@code ln((N + 1) / (df + 0.5))}.
 */
public final class DocumentFrequencies implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int maxTerms;
  private final double decayPerDoc;
  /** Term → its count in a one-element array, updated in place (no boxed Double per term and document). */
  private final HashMap<String, double[]> df = new HashMap<>();
  private double docs;
  /** Multiplier applied lazily: stored counts are in units of 1/scale. */
  private double scale = 1.0;

  public DocumentFrequencies(int maxTerms, double halfLifeDocs) {
    if (maxTerms < 16) {
      throw new IllegalArgumentException("maxTerms must be >= 16, was " + maxTerms);
    }
    if (halfLifeDocs <= 0) {
      throw new IllegalArgumentException("halfLifeDocs must be > 0, was " + halfLifeDocs);
    }
    this.maxTerms = maxTerms;
    this.decayPerDoc = Math.pow(0.5, 1.0 / halfLifeDocs);
  }

  /** Counts one document containing {@code distinctTerms}. */
  public void add(Iterable<String> distinctTerms) {
    scale /= decayPerDoc; // every older count is worth decayPerDoc less relative to the new one
    docs = docs * decayPerDoc + 1;
    for (String t : distinctTerms) {
      double[] count = df.get(t);
      if (count == null) {
        df.put(t, new double[] {scale});
      } else {
        count[0] += scale;
      }
    }
    if (scale > 1e12) {
      rescale();
    }
    if (df.size() > maxTerms) {
      prune();
    }
  }

  /** Current (decayed) document frequency of {@code term}. */
  public double df(String term) {
    double[] v = df.get(term);
    return v == null ? 0 : v[0] / scale;
  }

  public double docs() {
    return docs;
  }

  public double idf(String term) {
    return Math.log((docs + 1) / (df(term) + 0.5));
  }

  public int size() {
    return df.size();
  }

  private void rescale() {
    for (double[] v : df.values()) {
      v[0] /= scale;
    }
    scale = 1.0;
  }

  /** Drops the rarer ~quarter of the vocabulary. */
  private void prune() {
    rescale();
    double[] values = df.values().stream().mapToDouble(v -> v[0]).sorted().toArray();
    double cut = values[values.length / 4];
    Iterator<Map.Entry<String, double[]>> it = df.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue()[0] <= cut) {
        it.remove();
      }
    }
  }
}
