package org.minsheng.analysis.emotion;

import java.util.List;
import org.minsheng.analysis.textfeatures.Calibration;
import org.minsheng.analysis.textfeatures.ClassOffsets;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.LinearClassifier;
import org.minsheng.analysis.textfeatures.PolarityLexicon;
import org.minsheng.analysis.textfeatures.SoftmaxTrainer;
import org.minsheng.analysis.textfeatures.TrainingRecipe;

/** The emotion training recipe and its hyper-parameters (tuned on SMP2020 virus_eval, never on usual_eval). */
public final class EmotionTraining {
  public static final int BITS = 18;
  public static final int EPOCHS = 3;
  public static final double LEARNING_RATE = 0.05;
  public static final double L2 = 1e-6;
  public static final double BALANCE_POWER = 0.5;
  public static final double DROPOUT = 0.0;
  /** Models averaged (seeds differ): the average of five 3-epoch runs is steadier than any one of them. */
  public static final int BAGS = 5;
  /** Strength of the NB log-count-ratio feature scaling (virus_eval macro-F1 0.545 → 0.560 at 0.5). */
  public static final double NB_SCALING = 0.5;

  /** Whether per-class logit offsets are fitted for macro-F1 on the development set ({@link ClassOffsets}). */
  public static final boolean TUNE_OFFSETS = false;
  /** Largest offset tried, in logit units. */
  public static final double OFFSET_LIMIT = 1.0;

  private EmotionTraining() {}

  public static TrainingRecipe.Trained train(List<LabeledText> corpus, List<LabeledText> development,
      PolarityLexicon lexicon, int bits, SoftmaxTrainer.Settings settings, double balancePower) {
    return TrainingRecipe.train(TrainedEmotionModel.KIND, TrainedEmotionModel.CLASSES, corpus, development, lexicon,
        bits, balancePower, settings);
  }

  /** A model with class offsets for macro-F1 fitted on {@code development}, and its temperature refitted there. */
  public record Offset(LinearClassifier model, double[] offsets) {}

  public static Offset tuneOffsets(LinearClassifier model, List<LabeledText> development) {
    int k = model.classes().size();
    double[] offsets = ClassOffsets.fit(Calibration.Held.of(model, development), k, OFFSET_LIMIT, 3);
    LinearClassifier shifted = ClassOffsets.apply(model, offsets);
    float t = Calibration.fitTemperature(Calibration.Held.of(shifted, development));
    return new Offset(shifted.withTemperature(t), offsets);
  }
}
