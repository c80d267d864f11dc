package org.minsheng.analysis.keywords;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF keywords with streaming document frequencies ({@link DocumentFrequencies}). Also builds the weighted term
 * vector the topic clusterer compares: {@code tf * idf}, names (people, places, organisations) counted
 * {@code entityBoost} times, L2-normalised.
 */
public final class KeywordExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TermFilter filter;
  private final DocumentFrequencies df;
  private final double entityBoost;

  public KeywordExtractor(TermFilter filter, DocumentFrequencies df, double entityBoost) {
    this.filter = filter;
    this.df = df;
    this.entityBoost = entityBoost;
  }

  /**
   * Learns the post's terms into the document frequencies and returns its normalised TF-IDF vector (empty when the
   * post has no content term).
   */
  public Map<String, Double> learnAndVectorise(List<String> tokens, List<String> pos) {
    return learnAndWeigh(tokens, pos).vector();
  }

  /**
   * A normalised vector and its "content mass": the L2 norm it had before normalisation, in units of the largest IDF
   * the frequencies can give (a term seen once), so that it reads as "about this many rare terms" whether the stream
   * has seen a hundred documents or a million. A post of one common word has little mass; a paragraph of rare names
   * has much.
   */
  public record Weighted(Map<String, Double> vector, double mass) {}

  public Weighted learnAndWeigh(List<String> tokens, List<String> pos) {
    Map<String, Double> tf = termFrequencies(tokens, pos);
    df.add(tf.keySet());
    return weigh(tf);
  }

  /**
   * The post's vector against the frequencies as they stand, without learning it (posts that must not shape the
   * statistics, such as spam, still get keywords).
   */
  public Weighted weighOnly(List<String> tokens, List<String> pos) {
    return weigh(termFrequencies(tokens, pos));
  }

  /** The document frequencies this extractor learns into (for checkpointing them). */
  public DocumentFrequencies documentFrequencies() {
    return df;
  }

  private Weighted weigh(Map<String, Double> tf) {
    Map<String, Double> v = new HashMap<>(tf.size() * 2);
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      double w = (1 + Math.log(e.getValue())) * Math.max(0.1, df.idf(e.getKey()));
      v.put(e.getKey(), w);
      norm += w * w;
    }
    if (norm > 0) {
      double n = Math.sqrt(norm);
      v.replaceAll((k, w) -> w / n);
    }
    double rareIdf = Math.max(1, Math.log((df.docs() + 1) / 1.5));
    return new Weighted(v, Math.sqrt(norm) / rareIdf);
  }

  /**
   * The {@code k} heaviest terms of a vector, heaviest first, ties in weight by term. A bounded insertion into the k
   * best so far (no sort of the whole vector, no boxing): it runs for every post in the single clustering subtask (its
   * keywords) and for every topic update (index terms), where sorting all entries of an 80-term vector took ~8.5 µs.
   */
  public static List<String> top(Map<String, Double> vector, int k) {
    int cap = Math.min(Math.max(k, 0), vector.size());
    if (cap == 0) {
      return new ArrayList<>(0);
    }
    String[] terms = new String[cap];
    double[] weights = new double[cap];
    int n = 0;
    for (Map.Entry<String, Double> e : vector.entrySet()) {
      String t = e.getKey();
      double w = e.getValue();
      if (n == cap && !before(w, t, weights[cap - 1], terms[cap - 1])) {
        continue;
      }
      int i = n < cap ? n++ : cap - 1; // full: the lightest goes
      while (i > 0 && before(w, t, weights[i - 1], terms[i - 1])) {
        weights[i] = weights[i - 1];
        terms[i] = terms[i - 1];
        i--;
      }
      weights[i] = w;
      terms[i] = t;
    }
    List<String> out = new ArrayList<>(cap);
    for (int i = 0; i < cap; i++) {
      out.add(terms[i]);
    }
    return out;
  }

  /** True when (w, t) ranks before (w2, t2): heavier, or as heavy and the smaller term. */
  private static boolean before(double w, String t, double w2, String t2) {
    int c = Double.compare(w, w2);
    return c > 0 || (c == 0 && t.compareTo(t2) < 0);
  }

  private Map<String, Double> termFrequencies(List<String> tokens, List<String> pos) {
    Map<String, Double> tf = new HashMap<>();
    if (tokens == null) {
      return tf;
    }
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i);
      String p = pos != null && i < pos.size() ? pos.get(i) : null;
      if (!filter.accept(w, p)) {
        continue;
      }
      boolean entity = p != null && (p.startsWith("nr") || p.startsWith("ns") || p.startsWith("nt"));
      tf.merge(w, entity ? entityBoost : 1.0, Double::sum);
    }
    return tf;
  }
}
