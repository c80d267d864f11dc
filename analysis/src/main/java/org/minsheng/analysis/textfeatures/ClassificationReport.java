package org.minsheng.analysis.textfeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A confusion matrix with accuracy, macro-F1 and per-class precision / recall / F1. Streaming: O(K²) memory. */
public final class ClassificationReport {
  private final List<String> classes;
  private final long[][] confusion;
  private long n;

  public ClassificationReport(List<String> classes) {
    this.classes = List.copyOf(classes);
    this.confusion = new long[classes.size()][classes.size()];
  }

  public void add(int gold, int predicted) {
    confusion[gold][predicted]++;
    n++;
  }

  public long n() {
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int c = 0; c < classes.size(); c++) {
      right += confusion[c][c];
    }
    return n == 0 ? 0 : (double) right / n;
  }

  /** Macro-F1 over the classes that occur in the gold labels or the predictions. */
  public double macroF1() {
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < classes.size(); c++) {
      if (support(c) == 0 && predicted(c) == 0) {
        continue;
      }
      sum += f1(c);
      counted++;
    }
    return counted == 0 ? 0 : sum / counted;
  }

  long support(int c) {
    long s = 0;
    for (int p = 0; p < classes.size(); p++) {
      s += confusion[c][p];
    }
    return s;
  }

  long predicted(int c) {
    long s = 0;
    for (int g = 0; g < classes.size(); g++) {
      s += confusion[g][c];
    }
    return s;
  }

  double precision(int c) {
    long p = predicted(c);
    return p == 0 ? 0 : (double) confusion[c][c] / p;
  }

  double recall(int c) {
    long s = support(c);
    return s == 0 ? 0 : (double) confusion[c][c] / s;
  }

  double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** {@code {"n","accuracy","macro_f1","per_class":{name:{precision,recall,f1,support}}}}. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("n", n);
    out.put("accuracy", Calibration.round(accuracy()));
    out.put("macro_f1", Calibration.round(macroF1()));
    Map<String, Object> per = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      if (support(c) == 0 && predicted(c) == 0) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("precision", Calibration.round(precision(c)));
      m.put("recall", Calibration.round(recall(c)));
      m.put("f1", Calibration.round(f1(c)));
      m.put("support", support(c));
      per.put(classes.get(c), m);
    }
    out.put("per_class", per);
    return out;
  }
}
