package org.minsheng.analysis.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * External clustering measures against gold labels: B-cubed precision / recall / F1 (Bagga & Baldwin 1998, averaged
 * over items) and normalised mutual information (arithmetic-mean normalisation, as scikit-learn's default).
 *
 * @param posts items
 * @param events gold classes
 * @param clusters predicted clusters
 */
public record ClusteringScores(int posts, int events, int clusters, double bcubedPrecision, double bcubedRecall,
    double bcubedF1, double nmi) {

  /** {@code gold.get(i)} and {@code predicted.get(i)} label item i. */
  public static ClusteringScores of(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted differ in length: " + gold.size() + " vs "
          + predicted.size());
    }
    int n = gold.size();
    if (n == 0) {
      return new ClusteringScores(0, 0, 0, 0, 0, 0, 0);
    }
    Map<String, Integer> classSize = new HashMap<>();
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> joint = new HashMap<>();
    for (int i = 0; i < n; i++) {
      classSize.merge(gold.get(i), 1, Integer::sum);
      clusterSize.merge(predicted.get(i), 1, Integer::sum);
      joint.merge(gold.get(i) + '\u0000' + predicted.get(i), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (int i = 0; i < n; i++) {
      int both = joint.get(gold.get(i) + '\u0000' + predicted.get(i));
      p += (double) both / clusterSize.get(predicted.get(i));
      r += (double) both / classSize.get(gold.get(i));
    }
    p /= n;
    r /= n;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double hc = entropy(classSize, n);
    double hk = entropy(clusterSize, n);
    double mi = 0;
    for (Map.Entry<String, Integer> e : joint.entrySet()) {
      int sep = e.getKey().indexOf('\u0000');
      String c = e.getKey().substring(0, sep);
      String k = e.getKey().substring(sep + 1);
      double pj = (double) e.getValue() / n;
      mi += pj * Math.log(pj / ((double) classSize.get(c) / n * clusterSize.get(k) / n));
    }
    double nmi = hc + hk == 0 ? 1 : 2 * mi / (hc + hk);
    return new ClusteringScores(n, classSize.size(), clusterSize.size(), p, r, f, nmi);
  }

  private static double entropy(Map<String, Integer> sizes, int n) {
    double h = 0;
    for (int c : sizes.values()) {
      double q = (double) c / n;
      h -= q * Math.log(q);
    }
    return h;
  }

  /** The one-line JSON the eval command prints. */
  public String toJson() {
    return String.format(java.util.Locale.ROOT,
        "{\"posts\":%d,\"events\":%d,\"clusters\":%d,\"bcubed_precision\":%.4f,\"bcubed_recall\":%.4f,"
            + "\"bcubed_f1\":%.4f,\"nmi\":%.4f}",
        posts, events, clusters, bcubedPrecision, bcubedRecall, bcubedF1, nmi);
  }
}
