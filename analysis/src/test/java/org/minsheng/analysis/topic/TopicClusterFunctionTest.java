package org.minsheng.analysis.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minsheng.analysis.topic.TestPosts.millis;
import static org.minsheng.analysis.topic.TestPosts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;

class TopicClusterFunctionTest {

  private static ClusterSettings settings() {
    // a short TTL so the test can watch topics expire
    return TopicSettings.fromDefaultsFile().cluster().with("topicTtlMinutes", 60);
  }

  private static KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> harness()
      throws Exception {
    KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TopicClusterFunction(settings(), Duration.ofMinutes(5), 5, 10)),
            p -> TopicClusterFunction.KEY, Types.INT);
    h.open();
    return h;
  }

  private static void feed(KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> h,
      AnalyzedPost p) throws Exception {
    h.processElement(new StreamRecord<>(p, p.post.publishedAt().toEpochMilli()));
  }

  @Test
  void burstFormsOneTopicRepliesFollowParentSpamStaysOut() throws Exception {
    var h = harness();
    // a burst about one story, a quiet half hour, a burst about another, a late reply to the first with no words of
    // its own, and a spam page copying the first story's words
    feed(h, post("a1", 0, "news.a.cn", "武汉大学/nt 牌坊 拆除 校友 历史 建筑"));
    feed(h, post("a2", 2, "bbs.c.cn", "武汉大学/nt 牌坊 拆除 抗议 校友"));
    feed(h, post("a3", 4, "weibo.com", "牌坊 拆除 历史 武汉大学/nt"));
    feed(h, post("b1", 35, "news.b.cn", "高铁 票价 上调 铁路局/nt 春运 乘客"));
    feed(h, post("b2", 36, "news.d.cn", "春运 高铁 票价 乘客 不满"));
    feed(h, post("r1", 37, "weibo.com", "顶", "a1"));
    AnalyzedPost spam = post("s1", 38, "farm.cn", "武汉大学/nt 牌坊 拆除 国产 精品");
    spam.spam = true;
    feed(h, spam);
    assertEquals(List.of(), h.extractOutputValues(), "every post waits for the watermark, spam too");
    assertTrue(h.numEventTimeTimers() > 0);

    h.processWatermark(millis(39));
    Map<String, String> topicOf = h.extractOutputValues().stream()
        .collect(Collectors.toMap(AnalyzedPost::id, p -> String.valueOf(p.topicId)));
    assertEquals(topicOf.get("a1"), topicOf.get("a2"));
    assertEquals(topicOf.get("a1"), topicOf.get("a3"));
    assertEquals(topicOf.get("b1"), topicOf.get("b2"));
    assertNotEquals(topicOf.get("a1"), topicOf.get("b1"));
    assertEquals(topicOf.get("a1"), topicOf.get("r1"), "a reply joins its parent's topic");
    assertEquals("null", topicOf.get("s1"), "spam is emitted but joins no topic");
    Map<String, List<String>> keywordsOf = h.extractOutputValues().stream()
        .collect(Collectors.toMap(AnalyzedPost::id, p -> p.keywords));
    assertTrue(keywordsOf.get("a1").contains("牌坊"), keywordsOf.toString());
    assertTrue(keywordsOf.get("s1").contains("精品"), "spam gets keywords too: " + keywordsOf);
    assertEquals(List.of(), keywordsOf.get("r1"), "a reply of stopwords has none");

    // the flush at minute 40 writes both topics
    h.processWatermark(millis(40));
    List<TopicUpdate> updates = new ArrayList<>();
    h.getSideOutput(TopicClusterFunction.TOPICS).forEach(r -> updates.add(r.getValue()));
    TopicUpdate a = updates.stream().filter(u -> u.topicId.equals(topicOf.get("a1")))
        .reduce((first, second) -> second).orElseThrow();
    assertEquals(4, a.postCount);
    assertEquals("a1", a.firstPostId);
    assertTrue(a.keywords.contains("牌坊"), a.keywords.toString());
    assertEquals(List.of("news.a.cn", "bbs.c.cn", "weibo.com"), a.sites);
    assertEquals(4, a.negative);
    assertNull(a.mergedInto);
    assertEquals(2, updates.stream().map(u -> u.topicId).distinct().count());

    // quiet for longer than the 60-minute TTL: topics evicted, state and timers back to zero
    h.processWatermark(millis(40 + 70));
    assertEquals(0, h.numKeyedStateEntries(), "no topic, link or dirty mark left");
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  @Test
  void postLinksAreForgottenByEventTimeWhileTheirTopicLivesOn() throws Exception {
    var h = harness();
    // (story B's posts carry enough words of their own that timing cannot place them in A)
    // story A kept alive by a post every 20 minutes for 100 minutes (TTL 60 minutes), story B most recent
    for (int m = 0; m <= 100; m += 20) {
      feed(h, post("p" + m, m, "news.a.cn", "武汉大学/nt 牌坊 拆除 校友 历史 建筑"));
      h.processWatermark(millis(m + 1));
    }
    for (int m = 105; m <= 120; m += 5) {
      feed(h, post("b" + m, m, "news.b.cn", "高铁 票价 上调 铁路局/nt 春运 乘客 车站 候车 列车 晚点 退票 改签 购票 软件 排队 投诉"));
    }
    h.processWatermark(millis(120));
    // a reply without words of its own to the 100-minute post joins A through the link; a reply to A's first post
    // (two hours ago, beyond the TTL) finds no link, so nothing leads it to A
    feed(h, post("r-new", 121, "weibo.com", "顶", "p100"));
    feed(h, post("r-old", 121, "weibo.com", "顶", "p0"));
    h.processWatermark(millis(122));
    Map<String, String> topicOf = h.extractOutputValues().stream()
        .collect(Collectors.toMap(AnalyzedPost::id, p -> String.valueOf(p.topicId)));
    assertEquals(topicOf.get("p0"), topicOf.get("p100"), "story A is one topic throughout");
    assertNotEquals(topicOf.get("p0"), topicOf.get("b120"), topicOf.toString());
    assertEquals(topicOf.get("p100"), topicOf.get("r-new"), "a recent link still leads to the topic");
    assertNotEquals(topicOf.get("p0"), topicOf.get("r-old"), "the link of a post older than the TTL is gone");
    h.close();
  }

  @Test
  void postLinksBeyondTheMaximumCountGoOldestFirst() throws Exception {
    ClusterSettings few = settings().with("maxPostLinks", 5);
    var h = new KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost>(
        new KeyedProcessOperator<>(new TopicClusterFunction(few, Duration.ofMinutes(5), 5, 10)),
        p -> TopicClusterFunction.KEY, Types.INT);
    h.open();
    for (int m = 0; m < 6; m++) {
      feed(h, post("p" + m, m * 5, "news.a.cn", "武汉大学/nt 牌坊 拆除 校友 历史 建筑"));
    }
    for (int m = 26; m < 30; m++) {
      feed(h, post("b" + m, m, "news.b.cn", "高铁 票价 上调 铁路局/nt 春运 乘客 车站 候车 列车 晚点 退票 改签 购票 软件 排队 投诉"));
    }
    // the flush at minute 30 keeps only the newest bucket (minutes 25-30: p5 and B's four), buckets being 5 minutes
    h.processWatermark(millis(30));
    feed(h, post("r0", 31, "weibo.com", "顶", "p0"));
    feed(h, post("r5", 31, "weibo.com", "顶", "p5"));
    h.processWatermark(millis(32));
    Map<String, String> topicOf = h.extractOutputValues().stream()
        .collect(Collectors.toMap(AnalyzedPost::id, p -> String.valueOf(p.topicId)));
    assertEquals(topicOf.get("p5"), topicOf.get("r5"), "the newest links are kept");
    assertNotEquals(topicOf.get("p0"), topicOf.get("r0"), "the oldest link went to respect maxPostLinks");
    h.close();
  }
}
