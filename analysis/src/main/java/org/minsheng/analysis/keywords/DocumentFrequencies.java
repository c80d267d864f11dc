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
  private final HashMap<String, Double> df = new HashMap<>();
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
      df.merge(t, scale, Double::sum);
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
    Double v = df.get(term);
    return v == null ? 0 : v / scale;
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
    for (Map.Entry<String, Double> e : df.entrySet()) {
      e.setValue(e.getValue() / scale);
    }
    scale = 1.0;
  }

  /** Drops the rarer ~quarter of the vocabulary. */
  private void prune() {
    rescale();
    double[] values = df.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double cut = values[values.length / 4];
    Iterator<Map.Entry<String, Double>> it = df.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue() <= cut) {
        it.remove();
      }
    }
  }
}
