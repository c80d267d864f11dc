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
    return trainTiny(new SoftmaxTrainer.Settings(3, 0.1, 1e-6, seed));
  }

  private static TextFeaturizer tinyFeaturizer() {
    PolarityLexicon lexicon = PolarityLexicon.of(Map.of("好", (short) 1, "差", (short) 2), Map.of("很", 2),
        PolarityLexicon.BUILT_IN_NEGATORS);
    return new TextFeaturizer(14, lexicon);
  }

  private static List<LabeledText> tinyData() {
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
    return data;
  }

  private static LinearClassifier trainTiny(SoftmaxTrainer.Settings settings) {
    TextFeaturizer f = tinyFeaturizer();
    return new SoftmaxTrainer(settings).train("test", CLASSES, f, new SoftmaxTrainer.Featurized(tinyData(), f));
  }

  @Test
  void learnsAndSurvivesAWriteReadRoundTrip() throws IOException {
    LinearClassifier model = trainTiny(7).withTemperature(1.3f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    LinearClassifier read = LinearClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), "test");
    assertThat(read.classes()).isEqualTo(CLASSES);
    assertThat(read.temperature()).isEqualTo(1.3f);
    assertThat(read.lexicon().prefixes()).as("format 2 keeps the prefix table").isNotNull();
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
  void baggingAveragesTheLogitsOfModelsWithSuccessiveSeeds() {
    SoftmaxTrainer.Settings one = new SoftmaxTrainer.Settings(3, 0.1, 1e-6, 5, 0.3);
    LinearClassifier a = trainTiny(one);
    LinearClassifier b = trainTiny(new SoftmaxTrainer.Settings(3, 0.1, 1e-6, 5 + 7919, 0.3));
    LinearClassifier bagged = trainTiny(one.with(2, 0.0));
    FeatureBuffer buffer = new FeatureBuffer();
    double[] la = new double[2];
    double[] lb = new double[2];
    double[] lbag = new double[2];
    for (String text : List.of("服务很好", "东西很差", "不喜欢")) {
      bagged.newFeaturizer().featurize(text, buffer);
      a.logits(buffer, la);
      b.logits(buffer, lb);
      bagged.logits(buffer, lbag);
      assertThat(la).isNotEqualTo(lb); // dropout with other seeds: the members differ
      for (int c = 0; c < 2; c++) {
        assertThat(lbag[c]).isCloseTo((la[c] + lb[c]) / 2, within(1e-4));
      }
    }
  }

  @Test
  void nbScalingEmphasisesFeaturesThatSeparateTheClassesAndStillLearns() {
    TextFeaturizer f = tinyFeaturizer();
    List<LabeledText> data = new ArrayList<>(tinyData());
    for (int r = 0; r < 20; r++) { // 的 occurs equally in both classes
      data.add(new LabeledText("的的", 0, "t", 1f));
      data.add(new LabeledText("的的", 1, "t", 1f));
    }
    SoftmaxTrainer.Featurized features = new SoftmaxTrainer.Featurized(data, f);
    float[] scale = SoftmaxTrainer.nbScales(features, 2, f.bits(), 1.0);
    FeatureBuffer buffer = new FeatureBuffer();
    f.featurize("讨", buffer); // bias, length bucket, then the unigram 讨 (only in negative texts)
    float discriminative = scale[buffer.index(2)];
    f.featurize("的", buffer);
    float even = scale[buffer.index(2)];
    assertThat(discriminative).isGreaterThan(2 * even);
    float[] half = SoftmaxTrainer.nbScales(features, 2, f.bits(), 0.5);
    int checked = 0;
    for (int j = 0; j < scale.length; j++) {
      if (scale[j] > 0.05f && scale[j] < 5f) { // not clipped: beta interpolates linearly
        assertThat(half[j]).isCloseTo(0.5f + 0.5f * scale[j], within(1e-4f));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);

    LinearClassifier model = new SoftmaxTrainer(new SoftmaxTrainer.Settings(3, 0.1, 1e-6, 3, 0.0, 1, 0.5))
        .train("test", CLASSES, f, features);
    double[] p = new double[2];
    model.newFeaturizer().featurize("服务很好", buffer);
    model.probabilities(buffer, p);
    assertThat(p[1]).isGreaterThan(0.5);
    model.newFeaturizer().featurize("东西很差", buffer);
    model.probabilities(buffer, p);
    assertThat(p[0]).isGreaterThan(0.5);
  }

  @Test
  void domainSpreadDampsFeaturesSeenInOneTrainingDomainOnly() {
    TextFeaturizer f = tinyFeaturizer();
    List<LabeledText> data = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      data.add(new LabeledText("送", 0, "waimai", 1f)); // 送 only in waimai
      data.add(new LabeledText("的", 0, "waimai", 1f)); // 的 in both domains at the same rate
      data.add(new LabeledText("的", 1, "shopping/衣服", 1f));
      data.add(new LabeledText("买", 1, "shopping/手机", 1f));
    }
    SoftmaxTrainer.Featurized features = new SoftmaxTrainer.Featurized(data, f);
    float[] scale = SoftmaxTrainer.domainSpreadScales(features, f.bits(), 0.6);
    FeatureBuffer buffer = new FeatureBuffer();
    f.featurize("送", buffer);
    assertThat(scale[buffer.index(2)]).isCloseTo(0.4f, within(1e-5f));
    f.featurize("的", buffer);
    assertThat(scale[buffer.index(2)]).isCloseTo(1f, within(1e-5f));
    assertThat(scale[buffer.index(0)]).isCloseTo(1f, within(1e-5f)); // the bias occurs everywhere
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
