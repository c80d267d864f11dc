package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.emotion.Emotion;
import org.minsheng.analysis.emotion.EmotionLabel;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.nlp.Token;

class SentimentAnnotatorTest {
  @Test
  void fillsTheDocumentFieldsFromBothModels() {
    List<String> seen = new ArrayList<>();
    List<List<Token>> tokensSeen = new ArrayList<>();
    SentimentModel fake = (text, tokens) -> {
      seen.add(text);
      tokensSeen.add(tokens);
      return new Sentiment(SentimentLabel.NEGATIVE, -0.5, 0.7, 0.7, 0.1, 0.2);
    };
    SentimentAnnotator annotator = new SentimentAnnotator(fake,
        text -> new Emotion(EmotionLabel.ANGRY, 0.6, new double[] {0.1, 0.6, 0.1, 0.1, 0.05, 0.05}));
    AnalyzedPost p = new AnalyzedPost();
    p.normalisedText = "物业根本不管";
    p.tokens = List.of("物业", "根本", "不管");
    p.pos = List.of("n", "d", "v");
    annotator.annotate(p);
    assertThat(seen).containsExactly("物业根本不管");
    assertThat(tokensSeen.get(0)).containsExactly(new Token("物业", "n"), new Token("根本", "d"), new Token("不管", "v"));
    assertThat(p.sentimentLabel).isEqualTo("negative");
    assertThat(p.sentimentScore).isEqualTo(-0.5);
    assertThat(p.sentimentConfidence).isEqualTo(0.7);
    assertThat(p.emotion).isEqualTo("angry");
    assertThat(p.emotionProbabilities).containsEntry("angry", 0.6).hasSize(6);
  }

  @Test
  void withTheShippedModels() {
    AnalyzedPost p = new AnalyzedPost();
    p.normalisedText = "终于考上研究生了，太开心了！";
    SentimentAnnotator.trained().annotate(p);
    assertThat(p.sentimentLabel).isEqualTo("positive");
    assertThat(p.sentimentScore).isPositive();
    assertThat(p.emotion).isEqualTo("happy");
  }
}
