package org.minsheng.analysis.emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the shipped emotion model ({@code models/emotion.mslc.gz}) on hand-written sentences. */
class TrainedEmotionModelTest {
  private static EmotionModel model;

  @BeforeAll
  static void load() {
    model = new TrainedEmotionModel();
  }

  @Test
  void probabilitiesFormADistribution() {
    Emotion e = model.classify("终于考上研究生了，太开心了！");
    assertThat(Arrays.stream(e.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(e.confidence()).isEqualTo(e.probability(e.label()));
    assertThat(e.probabilityMap()).containsOnlyKeys("happy", "angry", "sad", "fear", "surprise", "neutral");
  }

  @Test
  void recognisesClearEmotions() {
    assertThat(model.classify("终于考上研究生了，太开心了！").label()).isEqualTo(EmotionLabel.HAPPY);
    assertThat(model.classify("气死我了[怒]").label()).isEqualTo(EmotionLabel.ANGRY);
    assertThat(model.classify("孩子走了，我心里好难受").label()).isEqualTo(EmotionLabel.SAD);
    assertThat(model.classify("我好害怕，晚上一个人不敢出门").label()).isEqualTo(EmotionLabel.FEAR);
    assertThat(model.classify("天哪，居然是他！完全没想到").label()).isEqualTo(EmotionLabel.SURPRISE);
    assertThat(model.classify("国务院召开常务会议部署下一阶段工作").label()).isEqualTo(EmotionLabel.NEUTRAL);
  }

  @Test
  void mapsDatasetLabels() {
    assertThat(EmotionLabel.fromDatasetLabel("like")).isEqualTo(EmotionLabel.HAPPY);
    assertThat(EmotionLabel.fromDatasetLabel("disgust")).isEqualTo(EmotionLabel.ANGRY);
    assertThat(EmotionLabel.fromDatasetLabel("none")).isEqualTo(EmotionLabel.NEUTRAL);
    assertThat(EmotionLabel.fromDatasetLabel("Sadness ")).isEqualTo(EmotionLabel.SAD);
    assertThat(EmotionLabel.fromDatasetLabel("joy")).isNull();
  }
}
