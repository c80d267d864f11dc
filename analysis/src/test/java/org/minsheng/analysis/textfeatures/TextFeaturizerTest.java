package org.minsheng.analysis.textfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFeaturizerTest {
  private static final PolarityLexicon LEXICON = PolarityLexicon.of(
      Map.of("好", (short) PolarityLexicon.POSITIVE, "满意", (short) PolarityLexicon.POSITIVE,
          "差", (short) PolarityLexicon.NEGATIVE, "垃圾", (short) PolarityLexicon.NEGATIVE),
      Map.of("很", 2, "非常", 1, "有点", 4), PolarityLexicon.BUILT_IN_NEGATORS);

  private final TextFeaturizer featurizer = new TextFeaturizer(16, LEXICON);
  private final FeatureBuffer buffer = new FeatureBuffer();

  private float[] evidence(String text) {
    featurizer.featurize(text, buffer);
    return featurizer.lastEvidence();
  }

  @Test
  void negatorFlipsPolarityWithinItsClause() {
    assertThat(evidence("质量好")).containsExactly(1f, 0f);
    float[] negated = evidence("质量不好");
    assertThat(negated[0]).isZero();
    assertThat(negated[1]).isPositive();
    float[] notBad = evidence("质量并不差");
    assertThat(notBad[0]).isPositive();
    assertThat(notBad[1]).isZero();
    // a comma ends the negator's scope
    assertThat(evidence("不，质量好")[0]).isEqualTo(1f);
  }

  @Test
  void degreeAdverbsScaleEvidence() {
    float plain = evidence("满意")[0];
    float very = evidence("非常满意")[0];
    float slightly = evidence("有点满意")[0];
    assertThat(very).isGreaterThan(plain);
    assertThat(slightly).isLessThan(plain);
  }

  @Test
  void contrastWeighsTheClauseAfterTheConjunction() {
    featurizer.featurize("东西好，但是物流差", buffer);
    String text = featurizer.lastNormalised();
    float[] w = featurizer.lastWeights();
    assertThat(w[text.indexOf('东')]).isEqualTo(TextFeaturizer.BEFORE_CONTRAST);
    assertThat(w[text.indexOf('流')]).isEqualTo(TextFeaturizer.AFTER_CONTRAST);
    float[] e = featurizer.lastEvidence();
    assertThat(e[1]).isGreaterThan(e[0]);
  }

  @Test
  void notContrastInsideWords() {
    featurizer.featurize("不但好，而且再好不过", buffer);
    float[] w = featurizer.lastWeights();
    for (float v : w) {
      assertThat(v).isEqualTo(1f);
    }
  }

  @Test
  void repostChainWeighsLessThanTheReposterOwnWords() {
    featurizer.featurize("好的呀//@张三:垃圾//@李四: 差", buffer);
    String text = featurizer.lastNormalised();
    assertThat(text).doesNotContain("张三").doesNotContain("李四");
    float[] w = featurizer.lastWeights();
    assertThat(w[text.indexOf('好')]).isEqualTo(1f);
    assertThat(w[text.indexOf('垃')]).isEqualTo(TextFeaturizer.CHAIN_WEIGHT);
    float[] e = featurizer.lastEvidence();
    assertThat(e[0]).isEqualTo(1f);
    assertThat(e[1]).isCloseTo(2 * TextFeaturizer.CHAIN_WEIGHT, within(1e-6f));
  }

  @Test
  void bareRepostGivesTheChainFullWeight() {
    featurizer.featurize("转发微博//@张三:垃圾", buffer);
    String text = featurizer.lastNormalised();
    assertThat(featurizer.lastWeights()[text.indexOf('垃')]).isEqualTo(1f);
  }

  @Test
  void emoticonsCountAsEvidenceFeatures() {
    FeatureBuffer plain = new FeatureBuffer();
    featurizer.featurize("今天", plain);
    featurizer.featurize("今天[怒]", buffer);
    assertThat(buffer.size()).isGreaterThan(plain.size());
    assertThat(Emoticons.strip("好[哈哈]的[泪]")).isEqualTo("好的");
  }

  @Test
  void urlsMentionsDigitsAndFullWidthAreNormalised() {
    featurizer.featurize("看ＡＢＣ 123 http://t.cn/abc @某人 好", buffer);
    assertThat(featurizer.lastNormalised()).isEqualTo("看abc 000 @ 好");
  }

  @Test
  void featuresAreDeterministicAndInRange() {
    FeatureBuffer again = new FeatureBuffer();
    featurizer.featurize("服务很好，下次还来[赞]", buffer);
    new TextFeaturizer(16, LEXICON).featurize("服务很好，下次还来[赞]", again);
    assertThat(again.indicesCopy()).containsExactly(buffer.indicesCopy());
    for (int i = 0; i < buffer.size(); i++) {
      assertThat(buffer.index(i)).isBetween(0, (1 << 16) - 1);
    }
    assertThat(List.of(buffer.valuesCopy().length)).containsExactly(buffer.size());
  }

  @Test
  void prefixTableShortcutChangesNoFeature() {
    // long entries sharing prefixes with short ones, negators and degree words inside them
    PolarityLexicon full = PolarityLexicon.of(
        Map.of("好", (short) 1, "好极了", (short) 1, "不好意思", (short) 2, "一塌糊涂", (short) 2, "糊涂", (short) 2,
            "非常好吃", (short) 1, "太差劲了吧", (short) 2),
        Map.of("很", 2, "非常", 1, "有点", 4, "有点儿", 4), PolarityLexicon.BUILT_IN_NEGATORS);
    assertThat(full.prefixes().get("一塌")).isNotZero();
    assertThat(full.prefixes().get("塌")).isZero();
    PolarityLexicon noPrefixes = new PolarityLexicon(full.words(), full.degrees(), full.negators(), null);
    TextFeaturizer withShortcut = new TextFeaturizer(16, full);
    TextFeaturizer without = new TextFeaturizer(16, noPrefixes);
    FeatureBuffer a = new FeatureBuffer();
    FeatureBuffer b = new FeatureBuffer();
    for (String text : List.of("这家店非常好吃，好极了！", "不好意思，太差劲了吧，一塌糊涂[怒]", "有点儿不好，但是并不糊涂",
        "没有好极了那么好//@某人: 一塌糊涂", "好好好好好好好好好好", "")) {
      withShortcut.featurize(text, a);
      without.featurize(text, b);
      assertThat(a.size()).as(text).isEqualTo(b.size());
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.index(i)).as(text).isEqualTo(b.index(i));
        assertThat(a.value(i)).as(text).isEqualTo(b.value(i));
      }
      assertThat(withShortcut.lastEvidence()).as(text).containsExactly(without.lastEvidence());
    }
  }
}
