package org.minsheng.analysis.textfeatures;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps shared by the sentiment and emotion trainers: class balancing, a deterministic calibration slice (by text
 * hash, so a text always lands on the same side), training and temperature scaling.
 */
public final class TrainingRecipe {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRecipe.class);

  /** One text in {@code CALIBRATION_MODULO} goes to the calibration slice. */
  public static final int CALIBRATION_MODULO = 10;

  private TrainingRecipe() {}

  /**
   * Keeps the first example of each text (whitespace-insensitive). NLPCC 2014 repeats 4,666 NLPCC 2013 sentences,
   * sometimes with another label; without this they would count twice.
   */
  public static List<LabeledText> firstOccurrences(List<LabeledText> data) {
    Set<String> seen = new HashSet<>();
    List<LabeledText> out = new ArrayList<>(data.size());
    for (LabeledText t : data) {
      if (seen.add(HeldOutTexts.key(t.text()))) {
        out.add(t);
      }
    }
    if (out.size() < data.size()) {
      LOG.info("Dropped {} repeated texts", data.size() - out.size());
    }
    return out;
  }

  /** Whether {@code text} belongs to the calibration slice. */
  public static boolean inCalibrationSlice(String text) {
    return Math.floorMod(Hashing.mix(Hashing.of(text) ^ 0x5eedL), CALIBRATION_MODULO) == 0;
  }

  /**
   * Re-weights examples so that every class has the same total weight times {@code classTotal^(1 - power)}: power 1 =
   * fully balanced, 0 = unchanged. Relative weights inside a class are kept.
   */
  public static List<LabeledText> balance(List<LabeledText> data, int classes, double power) {
    double[] total = new double[classes];
    for (LabeledText t : data) {
      total[t.label()] += t.weight();
    }
    double sum = 0;
    for (double v : total) {
      sum += v;
    }
    double[] factor = new double[classes];
    double norm = 0;
    for (int c = 0; c < classes; c++) {
      factor[c] = total[c] == 0 ? 0 : Math.pow(total[c], 1 - power) / total[c];
      norm += factor[c] * total[c];
    }
    List<LabeledText> out = new ArrayList<>(data.size());
    for (LabeledText t : data) {
      float w = (float) (t.weight() * factor[t.label()] * sum / norm);
      out.add(new LabeledText(t.text(), t.label(), t.domain(), w));
    }
    return out;
  }

  /** A trained, calibrated model with its calibration report. */
  public record Trained(LinearClassifier model, Map<String, Object> calibration, int trainSize,
      int calibrationSize) {}

  /**
   * Trains on {@code data} and fits the temperature on {@code calibration}; when that is null or empty, a
   * calibration slice ({@link #inCalibrationSlice}) of {@code data} is held out for it instead.
   */
  public static Trained train(String kind, List<String> classes, List<LabeledText> data,
      List<LabeledText> calibration, PolarityLexicon lexicon, int bits, double balancePower,
      SoftmaxTrainer.Settings settings) {
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> slice = new ArrayList<>();
    boolean ownSlice = calibration == null || calibration.isEmpty();
    for (LabeledText t : data) {
      (ownSlice && inCalibrationSlice(t.text()) ? slice : train).add(t);
    }
    List<LabeledText> calib = ownSlice ? slice : calibration;
    train = balance(train, classes.size(), balancePower);
    TextFeaturizer featurizer = new TextFeaturizer(bits, lexicon);
    long start = System.nanoTime();
    SoftmaxTrainer.Featurized features = new SoftmaxTrainer.Featurized(train, featurizer);
    LOG.info("{}: featurised {} training texts in {} ms", kind, train.size(), (System.nanoTime() - start) / 1_000_000);
    LinearClassifier raw = new SoftmaxTrainer(settings).train(kind, classes, featurizer, features);
    Calibration.Held held = Calibration.Held.of(raw, calib);
    float t = Calibration.fitTemperature(held);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("before", Calibration.reliability(held, 1.0));
    report.put("after", Calibration.reliability(held, t));
    LOG.info("{}: temperature {} on {} calibration texts", kind, t, calib.size());
    return new Trained(raw.withTemperature(t), report, train.size(), calib.size());
  }

  /** Argmax evaluation of a model on labelled texts; {@code allowed} restricts the decision to some classes. */
  public static ClassificationReport evaluate(LinearClassifier model, List<LabeledText> data, boolean[] allowed) {
    ClassificationReport report = new ClassificationReport(model.classes());
    TextFeaturizer f = model.newFeaturizer();
    FeatureBuffer buffer = new FeatureBuffer();
    double[] p = new double[model.classes().size()];
    for (LabeledText t : data) {
      f.featurize(t.text(), buffer);
      model.probabilities(buffer, p);
      report.add(t.label(), argmax(p, allowed));
    }
    return report;
  }

  public static int argmax(double[] p, boolean[] allowed) {
    int best = -1;
    for (int c = 0; c < p.length; c++) {
      if ((allowed == null || allowed[c]) && (best < 0 || p[c] > p[best])) {
        best = c;
      }
    }
    return best;
  }
}
