package org.minsheng.analysis.sentiment;

import org.minsheng.analysis.textfeatures.SoftmaxTrainer;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minsheng.analysis.textfeatures.ClassificationReport;
import org.minsheng.analysis.textfeatures.CorpusFiles;
import org.minsheng.analysis.textfeatures.DataOption;
import org.minsheng.analysis.textfeatures.JsonOut;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.LexiconFiles;
import org.minsheng.analysis.textfeatures.PolarityLexicon;
import org.minsheng.analysis.textfeatures.TrainingRecipe;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng eval sentiment-domains}: leave-one-domain-out development figures. For each domain, a model is
 * trained on all other domains and measured on the held-out one (two-way accuracy for review / emoticon domains,
 * three-way macro-F1 for Weibo emotion data), plus three-way figures on SMP2020 virus_eval and usual_eval (never
 * trained on). Reports the worst held-out domain.
 */
@Command(name = "sentiment-domains", mixinStandardHelpOptions = true,
    description = "Leave-one-domain-out development figures for the polarity model (trains one model per fold).")
public final class CrossDomainSentimentCommand implements CliCommand {
  @CommandLine.Mixin
  DataOption data;

  @Option(names = "--domains", split = ",", defaultValue = "waimai,shopping,weibo_senti,weibo_emotion",
      description = "Domains to hold out, one fold each (default ${DEFAULT-VALUE}).")
  List<String> domains;

  @Option(names = "--epochs", defaultValue = "" + SentimentTraining.EPOCHS, description = "SGD epochs.")
  int epochs;

  @Option(names = "--l2", defaultValue = "" + SentimentTraining.L2, description = "L2 penalty per update.")
  double l2;

  @Option(names = "--learning-rate", defaultValue = "" + SentimentTraining.LEARNING_RATE, description = "AdaGrad step.")
  double learningRate;

  @Option(names = "--dropout", defaultValue = "" + SentimentTraining.DROPOUT, description = "Feature dropout.")
  double dropout;

  @Option(names = "--balance", defaultValue = "" + SentimentTraining.BALANCE_POWER,
      description = "Class balancing power: 0 none, 1 full.")
  double balance;

  @Option(names = "--bags", defaultValue = "" + SentimentTraining.BAGS,
      description = "Models averaged per fold, differing in seed (default ${DEFAULT-VALUE}).")
  int bags;

  @Option(names = "--nb", defaultValue = "" + SentimentTraining.NB_SCALING,
      description = "NB log-count-ratio feature scaling strength in [0, 1] (default ${DEFAULT-VALUE}).")
  double nb;

  @Option(names = "--bits", defaultValue = "" + SentimentTraining.BITS, description = "Hash bits.")
  int bits;

  @Option(names = "--domain-spread", defaultValue = "" + SentimentTraining.DOMAIN_SPREAD,
      description = "Strength in [0, 1] of the scaling that favours features seen across training domains.")
  double domainSpread;

  @Override
  public List<String> path() {
    return List.of("eval", "sentiment-domains");
  }

  @Override
  public Integer call() throws Exception {
    Path dir = data.resolve();
    PolarityLexicon lexicon = LexiconFiles.load(dir.resolve("lexicons"));
    List<LabeledText> corpus = SentimentCorpus.load(dir);
    List<LabeledText> virusEval = SentimentCorpus.development(dir);
    List<LabeledText> usualEval = usualEval(dir);
    List<Map<String, Object>> folds = new ArrayList<>();
    Map<String, Object> worstTwoWay = null;
    double worstAccuracy = 2;
    boolean[] binary = {true, false, true};
    var d = SentimentTraining.settings();
    var settings = new SoftmaxTrainer.Settings(epochs, learningRate, l2, d.seed(), dropout, bags, nb, domainSpread);
    for (String domain : domains) {
      List<LabeledText> train = new ArrayList<>();
      List<LabeledText> test = new ArrayList<>();
      for (LabeledText t : corpus) {
        (belongs(t, domain) ? test : train).add(t);
      }
      if (test.isEmpty()) {
        System.err.println("domain " + domain + " has no data: skipped");
        continue;
      }
      TrainingRecipe.Trained trained = SentimentTraining.train(train, lexicon, bits, settings,
          balance);
      Map<String, Object> fold = new LinkedHashMap<>();
      fold.put("held_out", domain);
      fold.put("train_size", trained.trainSize());
      boolean hasNeutral = test.stream().anyMatch(t -> t.label() == SentimentCorpus.NEUTRAL);
      if (hasNeutral) {
        fold.put("three_way", TrainingRecipe.evaluate(trained.model(), test, null).toMap());
      } else {
        ClassificationReport r = TrainingRecipe.evaluate(trained.model(), test, binary);
        fold.put("two_way", r.toMap());
        if (r.accuracy() < worstAccuracy) {
          worstAccuracy = r.accuracy();
          worstTwoWay = Map.of("domain", domain, "accuracy", r.toMap().get("accuracy"));
        }
        Map<String, List<LabeledText>> bySub = new TreeMap<>();
        test.forEach(t -> bySub.computeIfAbsent(t.domain(), k -> new ArrayList<>()).add(t));
        if (bySub.size() > 1) {
          Map<String, Object> subs = new LinkedHashMap<>();
          for (var e : bySub.entrySet()) {
            ClassificationReport s = TrainingRecipe.evaluate(trained.model(), e.getValue(), binary);
            subs.put(e.getKey(), s.toMap().get("accuracy"));
            if (s.accuracy() < worstAccuracy) {
              worstAccuracy = s.accuracy();
              worstTwoWay = Map.of("domain", e.getKey(), "accuracy", s.toMap().get("accuracy"));
            }
          }
          fold.put("two_way_accuracy_by_category", subs);
        }
      }
      fold.put("virus_eval_three_way_macro_f1",
          TrainingRecipe.evaluate(trained.model(), virusEval, null).toMap().get("macro_f1"));
      if (!usualEval.isEmpty()) {
        fold.put("usual_eval_three_way_macro_f1",
            TrainingRecipe.evaluate(trained.model(), usualEval, null).toMap().get("macro_f1"));
      }
      folds.add(fold);
      System.err.println(JsonOut.write(fold));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("folds", folds);
    result.put("worst_two_way", worstTwoWay);
    System.out.println(JsonOut.write(result));
    return 0;
  }

  private static boolean belongs(LabeledText t, String domain) {
    return t.domain().equals(domain) || t.domain().startsWith(domain + "/");
  }

  /** SMP2020 usual_eval_labeled (general Weibo) mapped to three-way polarity: a test set, never trained on. */
  static List<LabeledText> usualEval(Path dir) throws IOException {
    Path file = dir.resolve("emotion/smp2020_ewect/usual_eval_labeled.jsonl");
    List<LabeledText> out = new ArrayList<>();
    if (Files.exists(file)) {
      SentimentCorpus.addByPolarity(CorpusFiles.readJsonl(file, "content", "label").rows(), "usual_eval", out);
    }
    return out;
  }
}
