package org.minsheng.analysis.textfeatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps test texts out of training: the target-domain test set (SMP2020 {@code usual_eval_labeled}) shares a few
 * sentences with other corpora (3 with NLPCC 2014); those are removed from every training corpus, compared after
 * removing whitespace (the shared data's own dedup key).
 */
public final class HeldOutTexts {
  private static final Logger LOG = LoggerFactory.getLogger(HeldOutTexts.class);
  public static final String TEST_SET = "emotion/smp2020_ewect/usual_eval_labeled.jsonl";

  private HeldOutTexts() {}

  public static String key(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Removes from {@code corpus} every text of the test set under {@code dataDir} (if the file exists). */
  public static List<LabeledText> without(List<LabeledText> corpus, Path dataDir) throws IOException {
    Path file = dataDir.resolve(TEST_SET);
    if (!Files.exists(file)) {
      return corpus;
    }
    Set<String> test = new HashSet<>();
    for (CorpusFiles.Row r : CorpusFiles.readJsonl(file, "content", "label").rows()) {
      test.add(key(r.text()));
    }
    List<LabeledText> out = new ArrayList<>(corpus.size());
    for (LabeledText t : corpus) {
      if (!test.contains(key(t.text()))) {
        out.add(t);
      }
    }
    LOG.info("Removed {} training texts that also occur in the test set {}", corpus.size() - out.size(), TEST_SET);
    return out;
  }
}
