package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.textfeatures.HeldOutTexts;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.config.SharedData;

/** Reads the real shared folder when present (skips otherwise): every domain and all three classes are there. */
class SentimentCorpusTest {
  @Test
  void loadsAllDomainsOfTheSharedFolder() throws IOException {
    Path data = SharedData.resolve("data").orElse(null);
    Assumptions.assumeTrue(data != null, "shared data folder not present");
    List<LabeledText> corpus = SentimentCorpus.load(data);
    Map<String, Long> domains = corpus.stream()
        .collect(Collectors.groupingBy(t -> t.domain().replaceAll("/.*", ""), Collectors.counting()));
    assertThat(domains).containsOnlyKeys("weibo_senti", "waimai", "shopping", "weibo_emotion", "news");
    assertThat(corpus.stream().filter(t -> t.label() == SentimentCorpus.NEUTRAL).count()).isGreaterThan(5000);
    assertThat(corpus).noneMatch(t -> t.text().isBlank());
    // the general-Weibo test set is never part of the training corpus
    List<LabeledText> usual = CrossDomainSentimentCommand.usualEval(data);
    var trainingTexts = corpus.stream().map(t -> HeldOutTexts.key(t.text())).collect(Collectors.toSet());
    assertThat(usual).noneMatch(t -> trainingTexts.contains(HeldOutTexts.key(t.text())));
  }

  @Test
  void mapsEmotionLabelsToPolarity() {
    assertThat(SentimentCorpus.polarityOfEmotion("like")).isEqualTo(SentimentCorpus.POSITIVE);
    assertThat(SentimentCorpus.polarityOfEmotion("disgust")).isEqualTo(SentimentCorpus.NEGATIVE);
    assertThat(SentimentCorpus.polarityOfEmotion("none")).isEqualTo(SentimentCorpus.NEUTRAL);
    assertThat(SentimentCorpus.polarityOfEmotion("surprise")).isEqualTo(-1);
  }
}
