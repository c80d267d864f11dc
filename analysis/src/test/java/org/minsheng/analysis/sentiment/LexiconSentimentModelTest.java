package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.nlp.HanLpSegmenter;
import org.minsheng.analysis.nlp.Token;

class LexiconSentimentModelTest {
  private static final Lexicon SMALL = new Lexicon(
      Map.of("好", 1.0, "满意", 1.5, "差", -1.0, "失望", -1.5),
      Set.of("不", "没有"),
      Map.of("非常", 2.0, "很", 1.5));
  private static HanLpSegmenter segmenter;

  @BeforeAll
  static void segmenter() {
    segmenter = new HanLpSegmenter();
  }

  private static List<Token> tokens(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.split(" ")).map(w -> new Token(w, "x")).toList();
  }

  private static Sentiment small(String spaceSeparated) {
    return new LexiconSentimentModel(SMALL, 0.2).score(spaceSeparated.replace(" ", ""), tokens(spaceSeparated));
  }

  @Test
  void noSentimentWordsIsConfidentlyNeutral() {
    Sentiment s = small("今天 开会 讨论 预算");
    assertThat(s.label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(s.score()).isZero();
    assertThat(s.confidence()).isEqualTo(1.0);
    assertThat(s.pNeutral()).isEqualTo(1.0);
  }

  @Test
  void oneWordGivesItsPseudoProbability() {
    Sentiment s = small("服务 满意");
    // P = 1.5, N = 0, k = 1: pPos = 1.5 / 2.5
    assertThat(s.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(s.score()).isCloseTo(0.6, within(1e-9));
    assertThat(s.confidence()).isCloseTo(0.6, within(1e-9));
    assertThat(s.pNegative() + s.pNeutral() + s.pPositive()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void degreeWordsIntensify() {
    assertThat(small("非常 满意").score()).isGreaterThan(small("满意").score());
    // 非常 × 满意 = 3.0 → 3 / 4
    assertThat(small("非常 满意").score()).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void negationFlipsAndDamps() {
    Sentiment s = small("服务 不 好");
    // -0.8 → pNeg = 0.8 / 1.8
    assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(s.score()).isCloseTo(-0.8 / 1.8, within(1e-9));
    assertThat(small("不 差").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(small("没有 不 好").label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void negatedDegreeWeakensInsteadOfIntensifying() {
    // 不 很 好: degree counts 0.5, then negation: 1 × 0.5 × -0.8 = -0.4
    assertThat(small("不 很 好").score()).isCloseTo(-0.4 / 1.4, within(1e-9));
    // 很 不 好: 1.5 × -0.8 = -1.2
    assertThat(small("很 不 好").score()).isCloseTo(-1.2 / 2.2, within(1e-9));
  }

  @Test
  void modifiersDoNotReachAcrossTheWindowOrAnEarlierSentimentWord() {
    assertThat(small("不 是 这个 地方 好").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(small("不 差 好").score()).isCloseTo((0.8 + 1.0) / 2.8, within(1e-9));
  }

  @Test
  void mixedEvidenceFallsInTheNeutralBand() {
    Sentiment s = small("环境 好 但是 服务 差");
    assertThat(s.score()).isZero();
    assertThat(s.label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(s.confidence()).isEqualTo(1.0);
  }

  @Test
  void bundledLexiconOnRealSegmentation() {
    LexiconSentimentModel model = LexiconSentimentModel.bundled();
    String[][] cases = {
        {"社区工作人员非常耐心，问题很快解决了，点赞！", "positive"},
        {"小区强拆还打人，居民非常愤怒，投诉没人管", "negative"},
        {"市政府召开常务会议，研究部署下半年工作", "neutral"},
        {"这家店的服务一点也不好，太失望了", "negative"},
    };
    for (String[] c : cases) {
      Sentiment s = model.score(c[0], segmenter.segment(c[0]));
      assertThat(s.label().code()).as(c[0] + " → " + s).isEqualTo(c[1]);
      assertThat(s.score()).isBetween(-1.0, 1.0);
      assertThat(s.confidence()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void bundledLexiconIsConsistent() {
    Lexicon lexicon = Lexicon.bundled();
    assertThat(lexicon.sentimentWords()).isGreaterThan(150);
    assertThat(lexicon.polarity("满意")).isPositive();
    assertThat(lexicon.polarity("强拆")).isNegative();
    assertThat(lexicon.isNegation("没有")).isTrue();
    assertThat(lexicon.degree("非常")).isGreaterThan(1);
  }

  @Test
  void rejectsABadNeutralBand() {
    assertThatThrownBy(() -> new LexiconSentimentModel(SMALL, 1.0)).hasMessage("neutralBand must be in [0, 1), was 1.0");
  }
}
