package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the behaviour of the shipped model ({@code models/sentiment.mslc.gz}) on hand-written sentences. Each assertion
 * is a direction or label that must hold for any acceptable model; retraining must keep them.
 */
class TrainedSentimentModelTest {
  private static TrainedSentimentModel model;

  @BeforeAll
  static void load() {
    model = new TrainedSentimentModel();
  }

  private static Sentiment s(String text) {
    return model.score(text, List.of());
  }

  @Test
  void probabilitiesScoreAndConfidenceAreConsistent() {
    for (String text : List.of("这家酒店很好", "", "国务院召开常务会议", "气死我了[怒]")) {
      Sentiment r = s(text);
      assertThat(r.pNegative() + r.pNeutral() + r.pPositive()).isCloseTo(1.0, within(1e-9));
      assertThat(r.score()).isCloseTo(r.pPositive() - r.pNegative(), within(1e-12)).isBetween(-1.0, 1.0);
      assertThat(r.confidence()).isEqualTo(Math.max(r.pNegative(), Math.max(r.pNeutral(), r.pPositive())));
    }
  }

  @Test
  void negationFlipsPolarity() {
    List<String[]> pairs = List.of(new String[] {"我很满意", "我不满意"}, new String[] {"质量好", "质量不好"},
        new String[] {"这个产品值得购买", "这个产品不值得购买"}, new String[] {"这家酒店很好", "这家酒店不好"});
    for (String[] p : pairs) {
      assertThat(s(p[0]).label()).as(p[0]).isEqualTo(SentimentLabel.POSITIVE);
      assertThat(s(p[1]).label()).as(p[1]).isEqualTo(SentimentLabel.NEGATIVE);
    }
  }

  @Test
  void negatedNegativeIsLessNegative() {
    assertThat(s("质量并不差").score()).isGreaterThan(s("质量很差").score() + 0.3);
    assertThat(s("他不开心").score()).isLessThan(s("他很开心").score() - 0.5);
  }

  @Test
  void theClauseAfterAContrastDecides() {
    assertThat(s("东西还行，但是物流太慢了").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(s("物流太慢了，但是东西很好").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(s("虽然价格贵，不过质量真的很好").label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void weiboEmoticonsCarryPolarity() {
    assertThat(s("今天天气[哈哈]").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(s("今天又加班[泪]").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(s("[怒]").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(s("今天天气[哈哈]").score()).isGreaterThan(s("今天天气").score());
  }

  @Test
  void theReposterOwnWordsWeighMost() {
    Sentiment praisingRepost = s("真是太棒了//@张三:这个政府太垃圾了");
    assertThat(praisingRepost.pPositive()).isGreaterThan(praisingRepost.pNegative());
    assertThat(praisingRepost.score()).isGreaterThan(s("这个政府太垃圾了").score() + 0.5);
    assertThat(s("这个政府太垃圾了//@张三:真是太棒了").label()).isEqualTo(SentimentLabel.NEGATIVE);
    // a bare repost takes the chain's sentiment
    assertThat(s("转发微博//@张三:太感动了，好人一生平安").label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void plainNewsIsNeutral() {
    assertThat(s("国务院召开常务会议部署下一阶段工作").label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(s("市教育局发布2024年中考招生政策").label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(s("下午两点公司召开年度总结会议").label()).isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void complaintsAreNegative() {
    assertThat(s("小区门口的路灯坏了一个月没人修，物业根本不管").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }
}
