package org.minsheng.analysis.emotion;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minsheng.analysis.textfeatures.DataOption;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.LexiconFiles;
import org.minsheng.analysis.textfeatures.LinearClassifier;
import org.minsheng.analysis.textfeatures.PolarityLexicon;
import org.minsheng.analysis.textfeatures.SoftmaxTrainer;
import org.minsheng.analysis.textfeatures.TrainingOutput;
import org.minsheng.analysis.textfeatures.TrainingRecipe;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng train emotion --data DIR --out FILE}: trains the six-class emotion model. */
@Command(name = "emotion", mixinStandardHelpOptions = true,
    description = "Train the six-class emotion model from a folder laid out like shared/data; prints a JSON report "
        + "with figures on the development set (SMP2020 virus_eval).")
public final class TrainEmotionCommand implements CliCommand {
  @CommandLine.Mixin
  DataOption data;

  @Option(names = "--out", required = true, description = "Model file to write (gzip).")
  Path out;

  @Option(names = "--bits", defaultValue = "" + EmotionTraining.BITS, description = "Hash bits (default ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--epochs", defaultValue = "" + EmotionTraining.EPOCHS, description = "SGD epochs.")
  int epochs;

  @Option(names = "--learning-rate", defaultValue = "" + EmotionTraining.LEARNING_RATE, description = "AdaGrad step.")
  double learningRate;

  @Option(names = "--balance", defaultValue = "" + EmotionTraining.BALANCE_POWER,
      description = "Class balancing power: 0 none, 1 full (default ${DEFAULT-VALUE}).")
  double balance;

  @Option(names = "--dropout", defaultValue = "" + EmotionTraining.DROPOUT, description = "Feature dropout.")
  double dropout;

  @Option(names = "--bags", defaultValue = "" + EmotionTraining.BAGS,
      description = "Models averaged, differing in seed (default ${DEFAULT-VALUE}).")
  int bags;

  @Option(names = "--nb", defaultValue = "" + EmotionTraining.NB_SCALING,
      description = "NB log-count-ratio feature scaling strength in [0, 1] (default ${DEFAULT-VALUE}).")
  double nb;

  @Option(names = "--offsets", negatable = true, defaultValue = "" + EmotionTraining.TUNE_OFFSETS,
      fallbackValue = "true",
      description = "Fit per-class logit offsets for macro-F1 on the development set (default ${DEFAULT-VALUE}).")
  boolean offsets;

  @Override
  public List<String> path() {
    return List.of("train", "emotion");
  }

  @Override
  public Integer call() throws Exception {
    Path dir = data.resolve();
    long start = System.nanoTime();
    PolarityLexicon lexicon = LexiconFiles.load(dir.resolve("lexicons"));
    List<LabeledText> corpus = EmotionCorpus.load(dir);
    List<LabeledText> dev = EmotionCorpus.development(dir);
    SoftmaxTrainer.Settings settings = new SoftmaxTrainer.Settings(epochs, learningRate, EmotionTraining.L2,
        20261121L, dropout, bags, nb);
    TrainingRecipe.Trained trained = EmotionTraining.train(corpus, dev, lexicon, bits, settings, balance);
    LinearClassifier model = trained.model();
    double[] fitted = null;
    if (offsets && !dev.isEmpty()) {
      EmotionTraining.Offset o = EmotionTraining.tuneOffsets(model, dev);
      model = o.model();
      fitted = o.offsets();
    }
    Map<String, Object> result = TrainingOutput.writeModel(model, out);
    result.put("bits", bits);
    result.put("epochs", epochs);
    result.put("learning_rate", learningRate);
    result.put("balance", balance);
    result.put("dropout", dropout);
    result.put("bags", bags);
    result.put("nb_scaling", nb);
    if (fitted != null) {
      Map<String, Double> byClass = new java.util.LinkedHashMap<>();
      for (int c = 0; c < fitted.length; c++) {
        byClass.put(TrainedEmotionModel.CLASSES.get(c), Math.round(fitted[c] * 100) / 100.0);
      }
      result.put("class_offsets", byClass);
      result.put("temperature_after_offsets", model.temperature());
    }
    result.put("train_size", trained.trainSize());
    Map<String, Integer> labels = new TreeMap<>();
    corpus.forEach(t -> labels.merge(TrainedEmotionModel.CLASSES.get(t.label()), 1, Integer::sum));
    result.put("train_labels", labels);
    result.put("calibration", trained.calibration());
    if (!dev.isEmpty()) {
      result.put(fitted == null ? "dev_virus_eval" : "dev_virus_eval_offsets_fitted_here",
          TrainingRecipe.evaluate(model, dev, null).toMap());
    }
    TrainingOutput.print(result, start);
    return 0;
  }
}
