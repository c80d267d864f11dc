package org.minsheng.analysis.emotion;

import java.util.List;
import org.minsheng.analysis.textfeatures.LabeledText;
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
  /** Models averaged (seeds differ); 1 = a single model. */
  public static final int BAGS = 1;
  /** Strength of the NB log-count-ratio feature scaling; 0 = off. */
  public static final double NB_SCALING = 0.0;

  private EmotionTraining() {}

  public static TrainingRecipe.Trained train(List<LabeledText> corpus, List<LabeledText> development,
      PolarityLexicon lexicon, int bits, SoftmaxTrainer.Settings settings, double balancePower) {
    return TrainingRecipe.train(TrainedEmotionModel.KIND, TrainedEmotionModel.CLASSES, corpus, development, lexicon,
        bits, balancePower, settings);
  }
}
