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

  /** The {@code k} heaviest terms of a vector, heaviest first. */
  public static List<String> top(Map<String, Double> vector, int k) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(vector.entrySet());
    entries.sort((a, b) -> {
      int c = Double.compare(b.getValue(), a.getValue());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    List<String> out = new ArrayList<>(Math.min(k, entries.size()));
    for (int i = 0; i < entries.size() && i < k; i++) {
      out.add(entries.get(i).getKey());
    }
    return out;
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
