package org.minsheng.analysis.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.post.Post;

class HeldPostTest {
  private static AnalyzedPost post(String text) {
    AnalyzedPost p = new AnalyzedPost(Post.builder().id("p1").platform("news").site("a.example").title(null)
        .text(text).publishedAt(Instant.parse("2026-11-20T08:00:00Z")).build());
    p.normalisedText = text;
    p.tokens = List.of("市民", "反映");
    p.emotion = "angry";
    p.emotionProbabilities = Map.of("angry", 0.8, "neutral", 0.2);
    return p;
  }

  @Test
  void longTextIsCutAndEmotionProbabilitiesDropped() {
    String text = "某市拆迁补偿标准引发居民不满。".repeat(40);
    AnalyzedPost p = HeldPost.slim(post(text));
    assertEquals(text.substring(0, HeldPost.TEXT_KEPT), p.post.text());
    assertNull(p.emotionProbabilities);
    // what the stages after the join read stays whole
    assertEquals(text, p.normalisedText);
    assertEquals(List.of("市民", "反映"), p.tokens);
    assertEquals("angry", p.emotion);
    assertEquals("p1", p.id());
    assertEquals(Instant.parse("2026-11-20T08:00:00Z"), p.post.publishedAt());
  }

  @Test
  void shortTextKeepsThePost() {
    AnalyzedPost p = post("短帖");
    Post before = p.post;
    assertSame(before, HeldPost.slim(p).post);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "字".repeat(HeldPost.TEXT_KEPT - 1) + "😀" + "尾".repeat(20);
    String kept = HeldPost.slim(post(text)).post.text();
    assertEquals(HeldPost.TEXT_KEPT - 1, kept.length());
    assertEquals("字".repeat(HeldPost.TEXT_KEPT - 1), kept);
  }
}
