package org.minsheng.analysis.emotion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.analysis.textfeatures.CorpusFiles;
import org.minsheng.analysis.textfeatures.HeldOutTexts;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.TrainingRecipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emotion training data from the shared folder: SMP2020-EWECT virus_train, NLPCC 2013 and 2014 sentences, CLUE
 * emotion valid, mapped to the six classes by {@link EmotionLabel#fromDatasetLabel}. SMP2020 virus_eval_labeled is the
 * development set (tuning and calibration). Texts of usual_eval_labeled, the target-domain test set, are removed
 * from the corpus ({@link HeldOutTexts}); the test set itself is only read by {@code eval emotion}. A text listed by
 * several corpora is kept once, with the label of the first (order: SMP2020, NLPCC 2013, NLPCC 2014, CLUE).
 */
public final class EmotionCorpus {
  private static final Logger LOG = LoggerFactory.getLogger(EmotionCorpus.class);

  private EmotionCorpus() {}

  public static List<LabeledText> load(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    jsonl(dataDir.resolve("emotion/smp2020_ewect/virus_train.jsonl"), "smp2020_virus", out);
    csv(dataDir.resolve("emotion/nlpcc2013_sentences/nlpcc2013_sentences.csv"), "nlpcc2013", out);
    csv(dataDir.resolve("emotion/nlpcc2014_train_sentences/nlpcc2014_train_sentences.csv"), "nlpcc2014", out);
    jsonl(dataDir.resolve("emotion/clue_emotion2020/valid.jsonl"), "clue", out);
    if (out.isEmpty()) {
      throw new IOException("no emotion training data found under " + dataDir);
    }
    return TrainingRecipe.firstOccurrences(HeldOutTexts.without(out, dataDir));
  }

  public static List<LabeledText> development(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    jsonl(dataDir.resolve("emotion/smp2020_ewect/virus_eval_labeled.jsonl"), "smp2020_virus_eval", out);
    return out;
  }

  private static void csv(Path file, String domain, List<LabeledText> out) throws IOException {
    add(CorpusFiles.readCsvIfPresent(file, List.of("label"), List.of("text", "content")), domain, out);
  }

  private static void jsonl(Path file, String domain, List<LabeledText> out) throws IOException {
    add(CorpusFiles.readJsonlIfPresent(file, "content", "label"), domain, out);
  }

  private static void add(List<CorpusFiles.Row> rows, String domain, List<LabeledText> out) {
    for (CorpusFiles.Row r : rows) {
      EmotionLabel label = EmotionLabel.fromDatasetLabel(r.label());
      if (label == null) {
        LOG.warn("{} line {}: unknown emotion label '{}': skipped", domain, r.line(), r.label());
        continue;
      }
      out.add(new LabeledText(r.text(), label.ordinal(), domain, 1f));
    }
  }
}
