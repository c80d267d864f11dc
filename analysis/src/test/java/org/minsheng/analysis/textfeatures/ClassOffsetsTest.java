package org.minsheng.analysis.textfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassOffsetsTest {
  @Test
  void raisesTheRareClassWhoseLogitsAreSystematicallyTooLow() {
    // 90 examples of class 0, 10 of class 1; class 1's logit is 0.3 below class 0's even on its own examples
    double[][] logits = new double[100][];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      boolean rare = i >= 90;
      logits[i] = rare ? new double[] {0.5, 0.2} : new double[] {1.0, -0.5 + (i % 10) * 0.05};
      labels[i] = rare ? 1 : 0;
    }
    Calibration.Held held = new Calibration.Held(logits, labels);
    assertThat(ClassOffsets.macroF1(held, new double[2], 2)).isLessThan(0.5); // class 1 never predicted
    double[] offsets = ClassOffsets.fit(held, 2, 1.0, 3);
    assertThat(offsets[1] - offsets[0]).isGreaterThan(0.3).isLessThan(1.0);
    assertThat(ClassOffsets.macroF1(held, offsets, 2)).isEqualTo(1.0);
  }

  @Test
  void keepsZeroOffsetsWhenNothingImproves() {
    double[][] logits = {{2, 0}, {0, 2}, {2, 0}, {0, 2}};
    int[] labels = {0, 1, 0, 1};
    assertThat(ClassOffsets.fit(new Calibration.Held(logits, labels), 2, 1.0, 3)).containsExactly(0.0, 0.0);
  }

  @Test
  void appliedOffsetsShiftEveryTextsLogitsThroughTheBiasFeature() {
    PolarityLexicon lexicon = PolarityLexicon.of(Map.of("好", (short) 1), Map.of(), PolarityLexicon.BUILT_IN_NEGATORS);
    TextFeaturizer f = new TextFeaturizer(12, lexicon);
    List<LabeledText> data = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      data.add(new LabeledText("很好", 1, "t", 1f));
      data.add(new LabeledText("很差", 0, "t", 1f));
    }
    LinearClassifier model = new SoftmaxTrainer(new SoftmaxTrainer.Settings(2, 0.1, 1e-6, 1)).train("t",
        List.of("a", "b"), f, new SoftmaxTrainer.Featurized(data, f));
    LinearClassifier shifted = ClassOffsets.apply(model, new double[] {0.25, -0.5});
    FeatureBuffer buffer = new FeatureBuffer();
    double[] before = new double[2];
    double[] after = new double[2];
    for (String text : List.of("很好", "差", "今天下雨")) {
      f.featurize(text, buffer);
      model.logits(buffer, before);
      shifted.logits(buffer, after);
      assertThat(after[0] - before[0]).isCloseTo(0.25, within(1e-5));
      assertThat(after[1] - before[1]).isCloseTo(-0.5, within(1e-5));
    }
  }
}
