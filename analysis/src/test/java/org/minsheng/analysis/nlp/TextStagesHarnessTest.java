package org.minsheng.analysis.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.normalise.NormaliseFunction;
import org.minsheng.post.Post;

/** The three text stages as Flink operators (each opened by the harness, as on a TaskManager), one after the other. */
class TextStagesHarnessTest {

  private static AnalyzedPost run(MapFunction<AnalyzedPost, AnalyzedPost> function, AnalyzedPost in) throws Exception {
    try (OneInputStreamOperatorTestHarness<AnalyzedPost, AnalyzedPost> harness =
        new OneInputStreamOperatorTestHarness<>(new StreamMap<>(function))) {
      harness.open();
      harness.processElement(in, in.post.publishedAt().toEpochMilli());
      List<AnalyzedPost> out = harness.extractOutputValues();
      assertThat(out).hasSize(1);
      assertThat(harness.getOutput()).hasSize(1);
      return out.get(0);
    }
  }

  @Test
  void normaliseSegmentAndScoreAPost() throws Exception {
    Post post = Post.builder().id("forum:1").platform("forum").title("小區強拆")
        .text("居民非常憤怒，投訴沒人管！").publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build();

    AnalyzedPost normalised = run(new NormaliseFunction(), new AnalyzedPost(post));
    assertThat(normalised.normalisedText).isEqualTo("小区强拆\n居民非常愤怒,投诉没人管!");

    AnalyzedPost segmented = run(new SegmentFunction(List.of("没人管 v")), normalised);
    assertThat(segmented.tokens).containsExactly("小区", "强拆", "居民", "非常", "愤怒", "投诉", "没人管");
    assertThat(segmented.pos).hasSameSizeAs(segmented.tokens).contains("v");

    AnalyzedPost scored = run(new SentimentFunction(new SentimentModelFactory("lexicon", "")), segmented);
    assertThat(scored.sentimentLabel).isEqualTo("negative");
    assertThat(scored.sentimentScore).isLessThan(-0.5);
    assertThat(scored.sentimentConfidence).isEqualTo(-scored.sentimentScore);
  }
}
