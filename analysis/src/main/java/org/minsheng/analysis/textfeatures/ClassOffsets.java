package org.minsheng.analysis.textfeatures;

import java.util.Arrays;
import java.util.List;

/**
 * Per-class logit offsets chosen to maximise macro-F1 on a development set. A logistic-regression argmax favours the
 * frequent classes; macro-F1 weighs every class the same, so small offsets for the rare classes (surprise, fear)
 * trade a little accuracy on frequent classes for recall on rare ones. The offsets are added to the weights of the
 * bias feature, so the model file and the scoring cost are unchanged.
 *
 * <p>Search: coordinate ascent over a grid of {@link #STEP} within [-limit, limit], a few rounds; ties go to the
 * smaller offset. Fit on a development set only, never on the test set.
 *
 * <p>Measured (docs/SENTIMENT.md): on the emotion development set, offsets fitted on one half and scored on the
 * other lowered macro-F1 (0.558 → 0.544 over 10 splits): with 46 surprise and 74 fear examples they overfit. Off by
 * default ({@code EmotionTraining.TUNE_OFFSETS}).
 */
public final class ClassOffsets {
  static final double STEP = 0.05;

  private ClassOffsets() {}

  /** Offsets (one per class) maximising macro-F1 of {@code argmax(logits + offsets)} on {@code held}. */
  public static double[] fit(Calibration.Held held, int classes, double limit, int rounds) {
    double[] offsets = new double[classes];
    double best = macroF1(held, offsets, classes);
    for (int round = 0; round < rounds; round++) {
      boolean improved = false;
      for (int c = 0; c < classes; c++) {
        double keep = offsets[c];
        double bestValue = keep;
        int steps = (int) Math.round(limit / STEP);
        for (int step = -steps; step <= steps; step++) {
          double v = step * STEP;
          offsets[c] = v;
          double f = macroF1(held, offsets, classes);
          if (f > best + 1e-9 || (Math.abs(f - best) <= 1e-9 && Math.abs(v) < Math.abs(bestValue))) {
            improved |= f > best + 1e-9;
            best = Math.max(best, f);
            bestValue = v;
          }
        }
        offsets[c] = bestValue;
      }
      if (!improved) {
        break;
      }
    }
    return offsets;
  }

  /** Macro-F1 of the offset argmax decision on {@code held}. */
  public static double macroF1(Calibration.Held held, double[] offsets, int classes) {
    ClassificationReport report = new ClassificationReport(classNames(classes));
    for (int i = 0; i < held.labels().length; i++) {
      double[] l = held.logits()[i];
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (l[c] + offsets[c] > l[best] + offsets[best]) {
          best = c;
        }
      }
      report.add(held.labels()[i], best);
    }
    return report.macroF1();
  }

  /** A copy of {@code model} whose logits are shifted by {@code offsets} (through the bias feature's weights). */
  public static LinearClassifier apply(LinearClassifier model, double[] offsets) {
    int k = model.classes().size();
    if (offsets.length != k) {
      throw new IllegalArgumentException("need " + k + " offsets, got " + offsets.length);
    }
    float[] w = Arrays.copyOf(model.weights(), model.weights().length);
    int bias = model.newFeaturizer().biasIndex();
    for (int c = 0; c < k; c++) {
      w[bias * k + c] += (float) offsets[c];
    }
    return new LinearClassifier(model.kind(), model.classes(), model.bits(), w, model.temperature(), model.lexicon());
  }

  private static List<String> classNames(int classes) {
    return java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
  }
}
