package org.minsheng.analysis.textfeatures;

import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Temperature scaling (Guo et al. 2017): one scalar T dividing the logits, chosen to minimise the negative
 * log-likelihood on a held-out slice. Also computes a reliability table and the expected calibration error.
 */
public final class Calibration {
  private Calibration() {}

  /** Logits and gold labels of a held-out slice. */
  public record Held(double[][] logits, int[] labels) {
    public static Held of(LinearClassifier model, List<LabeledText> data) {
      TextFeaturizer f = model.newFeaturizer();
      FeatureBuffer buffer = new FeatureBuffer();
      double[][] logits = new double[data.size()][];
      int[] labels = new int[data.size()];
      for (int i = 0; i < data.size(); i++) {
        f.featurize(data.get(i).text(), buffer);
        double[] l = new double[model.classes().size()];
        model.logits(buffer, l);
        logits[i] = l;
        labels[i] = data.get(i).label();
      }
      return new Held(logits, labels);
    }
  }

  /** The temperature in [0.25, 5] with the lowest mean NLL on {@code held}. */
  public static float fitTemperature(Held held) {
    double best = Double.POSITIVE_INFINITY;
    float bestT = 1f;
    for (int step = 0; step <= 190; step++) {
      float t = 0.25f + step * 0.025f;
      double nll = nll(held, t);
      if (nll < best) {
        best = nll;
        bestT = t;
      }
    }
    return bestT;
  }

  public static double nll(Held held, double t) {
    double sum = 0;
    int k = held.logits().length == 0 ? 0 : held.logits()[0].length;
    double[] p = new double[k];
    for (int i = 0; i < held.labels().length; i++) {
      System.arraycopy(held.logits()[i], 0, p, 0, k);
      LinearClassifier.softmax(p, k, t);
      sum -= Math.log(Math.max(1e-12, p[held.labels()[i]]));
    }
    return sum / Math.max(1, held.labels().length);
  }

  /** Reliability table (10 confidence bins) and ECE at temperature {@code t}, as a JSON-ready map. */
  public static Map<String, Object> reliability(Held held, double t) {
    int bins = 10;
    long[] count = new long[bins];
    double[] confSum = new double[bins];
    long[] correct = new long[bins];
    int k = held.logits().length == 0 ? 0 : held.logits()[0].length;
    double[] p = new double[k];
    int n = held.labels().length;
    for (int i = 0; i < n; i++) {
      System.arraycopy(held.logits()[i], 0, p, 0, k);
      LinearClassifier.softmax(p, k, t);
      int arg = 0;
      for (int c = 1; c < k; c++) {
        if (p[c] > p[arg]) {
          arg = c;
        }
      }
      int b = Math.min(bins - 1, (int) (p[arg] * bins));
      count[b]++;
      confSum[b] += p[arg];
      if (arg == held.labels()[i]) {
        correct[b]++;
      }
    }
    double ece = 0;
    List<Map<String, Object>> table = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (count[b] == 0) {
        continue;
      }
      double conf = confSum[b] / count[b];
      double acc = (double) correct[b] / count[b];
      ece += Math.abs(conf - acc) * count[b] / Math.max(1, n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bin", String.format(Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
      row.put("n", count[b]);
      row.put("mean_confidence", round(conf));
      row.put("accuracy", round(acc));
      table.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("temperature", round(t));
    out.put("nll", round(nll(held, t)));
    out.put("ece", round(ece));
    out.put("bins", table);
    return out;
  }

  static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
