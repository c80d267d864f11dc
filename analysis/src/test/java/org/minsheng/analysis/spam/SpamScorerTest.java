package org.minsheng.analysis.spam;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamScorerTest {
  private final SpamScorer scorer = SpamScorer.bundled();

  private static String resource(String name) throws IOException {
    try (InputStream in = SpamScorerTest.class.getResourceAsStream("/spam/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void contentFarmWithInjectedFillerIsSpam() throws IOException {
    SpamScorer.Score s = scorer.score(resource("seed-001-content-farm.txt"), List.of());
    assertTrue(s.spam(0.5), "seed 001 must be spam: " + s);
    assertTrue(s.signals().get("template") > 0.9, "template phrases seen: " + s);
    assertTrue(s.signals().get("filler") > 0.3, "injected filler seen: " + s);
  }

  @Test
  void hijackedPageWithTitleListsIsSpam() throws IOException {
    SpamScorer.Score s = scorer.score(resource("seed-003-link-farm.txt"), List.of());
    assertTrue(s.spam(0.5), "seed 003 must be spam: " + s);
    assertTrue(s.signals().get("titleList") > 0.9, "title list seen: " + s);
    assertTrue(s.signals().get("lexicon") > 0.5, "link-farm words seen: " + s);
  }

  @Test
  void ordinaryNewsPageIsNotSpam() throws IOException {
    SpamScorer.Score s = scorer.score(resource("seed-002-news.txt"), List.of());
    assertTrue(!s.spam(0.5), "seed 002 is an ordinary commentary page: " + s);
  }

  @Test
  void shortWeiboPostsAreNotSpam() {
    for (String t : List.of("再去武大，已无牌坊！非要拆掉？@章立凡 @袁裕来律师",
        "这个都拆了？？？历史都快被拆没了。我们的历史以后都只能靠照片了", "详见 http://t.cn/zOXAaic 官方通报")) {
      SpamScorer.Score s = scorer.score(t, List.of());
      assertTrue(s.score() < 0.5, t + " → " + s);
    }
  }

  @Test
  void linkStuffedPostIsSpam() {
    StringBuilder sb = new StringBuilder("最新优惠");
    for (int i = 0; i < 12; i++) {
      sb.append(" http://x").append(i).append(".example.com/a 点击");
    }
    SpamScorer.Score s = scorer.score(sb.toString(), List.of());
    assertTrue(s.spam(0.5), "link density: " + s);
  }
}
