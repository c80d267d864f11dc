package org.minsheng.analysis.sentiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minsheng.analysis.textfeatures.DataOption;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.LexiconFiles;
import org.minsheng.analysis.textfeatures.PolarityLexicon;
import org.minsheng.analysis.textfeatures.SoftmaxTrainer;
import org.minsheng.analysis.textfeatures.TrainingOutput;
import org.minsheng.analysis.textfeatures.TrainingRecipe;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng train sentiment --data DIR --out FILE}: trains the three-way polarity model. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Train the three-way polarity model from a folder laid out like shared/data; prints a JSON report.")
public final class TrainSentimentCommand implements CliCommand {
  @CommandLine.Mixin
  DataOption data;

  @Option(names = "--out", required = true, description = "Model file to write (gzip).")
  Path out;

  @Option(names = "--bits", defaultValue = "" + SentimentTraining.BITS, description = "Hash bits (default ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--epochs", defaultValue = "" + SentimentTraining.EPOCHS, description = "SGD epochs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--bags", defaultValue = "" + SentimentTraining.BAGS,
      description = "Models averaged, differing in seed (default ${DEFAULT-VALUE}).")
  int bags;

  @Option(names = "--nb", defaultValue = "" + SentimentTraining.NB_SCALING,
      description = "NB log-count-ratio feature scaling strength in [0, 1] (default ${DEFAULT-VALUE}).")
  double nb;

  @Override
  public List<String> path() {
    return List.of("train", "sentiment");
  }

  @Override
  public Integer call() throws Exception {
    Path dir = data.resolve();
    long start = System.nanoTime();
    PolarityLexicon lexicon = LexiconFiles.load(dir.resolve("lexicons"));
    List<LabeledText> corpus = SentimentCorpus.load(dir);
    List<LabeledText> dev = SentimentCorpus.development(dir);
    TrainingRecipe.Trained trained = SentimentTraining.train(corpus, lexicon, bits, settings());
    Map<String, Object> result = TrainingOutput.writeModel(trained.model(), out);
    result.put("bits", bits);
    result.put("epochs", epochs);
    result.put("bags", bags);
    result.put("nb_scaling", nb);
    result.put("train_size", trained.trainSize());
    result.put("calibration_size", trained.calibrationSize());
    Map<String, Integer> domains = new TreeMap<>();
    corpus.forEach(t -> domains.merge(t.domain().replaceAll("/.*", ""), 1, Integer::sum));
    result.put("domains", domains);
    result.put("calibration", trained.calibration());
    if (!dev.isEmpty()) {
      result.put("dev_virus_eval_three_way", TrainingRecipe.evaluate(trained.model(), dev, null).toMap());
    }
    TrainingOutput.print(result, start);
    return 0;
  }

  private SoftmaxTrainer.Settings settings() {
    SoftmaxTrainer.Settings d = SentimentTraining.settings();
    return new SoftmaxTrainer.Settings(epochs, d.learningRate(), d.l2(), d.seed(), d.dropout(), bags, nb);
  }
}
