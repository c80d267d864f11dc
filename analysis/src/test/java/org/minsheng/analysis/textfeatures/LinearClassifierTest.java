package org.minsheng.analysis.textfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearClassifierTest {
  private static final List<String> CLASSES = List.of("neg", "pos");

  private static LinearClassifier trainTiny(long seed) {
    PolarityLexicon lexicon = PolarityLexicon.of(Map.of("好", (short) 1, "差", (short) 2), Map.of("很", 2),
        PolarityLexicon.BUILT_IN_NEGATORS);
    TextFeaturizer f = new TextFeaturizer(14, lexicon);
    List<LabeledText> data = new ArrayList<>();
    String[] pos = {"很好", "东西好", "服务好", "喜欢", "满意好评"};
    String[] neg = {"很差", "东西差", "服务差", "讨厌", "不满意差评"};
    for (int r = 0; r < 20; r++) {
      for (String p : pos) {
        data.add(new LabeledText(p, 1, "t", 1f));
      }
      for (String n : neg) {
        data.add(new LabeledText(n, 0, "t", 1f));
      }
    }
    return new SoftmaxTrainer(new SoftmaxTrainer.Settings(3, 0.1, 1e-6, seed)).train("test", CLASSES, f,
        new SoftmaxTrainer.Featurized(data, f));
  }

  @Test
  void learnsAndSurvivesAWriteReadRoundTrip() throws IOException {
    LinearClassifier model = trainTiny(7).withTemperature(1.3f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    LinearClassifier read = LinearClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), "test");
    assertThat(read.classes()).isEqualTo(CLASSES);
    assertThat(read.temperature()).isEqualTo(1.3f);
    FeatureBuffer buffer = new FeatureBuffer();
    double[] a = new double[2];
    double[] b = new double[2];
    for (String text : List.of("服务很好", "东西很差", "一般")) {
      model.newFeaturizer().featurize(text, buffer);
      model.probabilities(buffer, a);
      read.newFeaturizer().featurize(text, buffer);
      read.probabilities(buffer, b);
      assertThat(b[0]).isCloseTo(a[0], within(1e-3));
    }
    read.newFeaturizer().featurize("服务很好", buffer);
    read.probabilities(buffer, b);
    assertThat(b[1]).isGreaterThan(0.5);
  }

  @Test
  void trainingIsDeterministic() {
    FeatureBuffer buffer = new FeatureBuffer();
    double[] a = new double[2];
    double[] b = new double[2];
    LinearClassifier m1 = trainTiny(42);
    LinearClassifier m2 = trainTiny(42);
    m1.newFeaturizer().featurize("东西不好", buffer);
    m1.logits(buffer, a);
    m2.logits(buffer, b);
    assertThat(b).containsExactly(a);
  }

  @Test
  void rejectsAModelOfAnotherKind() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trainTiny(1).write(bytes);
    assertThatThrownBy(() -> LinearClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), "emotion"))
        .isInstanceOf(IOException.class).hasMessageContaining("expected 'emotion'");
  }

  @Test
  void temperatureFitPrefersSofterProbabilitiesForOverconfidentLogits() {
    // logits say class 0 with margin 4, but only 70% are class 0: the fitted temperature must soften them
    double[][] logits = new double[100][];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      logits[i] = new double[] {4, 0};
      labels[i] = i < 70 ? 0 : 1;
    }
    float t = Calibration.fitTemperature(new Calibration.Held(logits, labels));
    assertThat(t).isGreaterThan(3f);
  }
}
