package org.minsheng.analysis.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicClustererTest {
  private static final long MIN = 60_000;

  private static Map<String, Double> vec(String... terms) {
    Map<String, Double> v = new HashMap<>();
    for (String t : terms) {
      v.put(t, 1 / Math.sqrt(terms.length));
    }
    return v;
  }

  private static ClusterPost p(String id, long minute, Map<String, Double> v) {
    return new ClusterPost(id, null, null, minute * MIN, v, id, "s-" + id, null, "neutral", 0, 10);
  }

  @Test
  void textAloneJoinsSimilarPostsAfterAQuietGapAndOpensNewTopicsOtherwise() {
    ClusterSettings s = ClusterSettings.defaults();
    TopicClusterer c = new TopicClusterer(s, new InMemoryTopicStore(100));
    String a = c.assign(p("a1", 0, vec("地震", "四川", "救援", "伤亡"))).topicId();
    // two hours later: no time prior left, the words decide
    Assignment same = c.assign(p("a2", 120, vec("地震", "四川", "救援", "余震")));
    assertEquals(a, same.topicId());
    assertEquals(TopicClusterer.VIA_SIMILAR, same.via());
    Assignment other = c.assign(p("b1", 240, vec("高考", "作文", "题目", "北京")));
    assertTrue(other.opened());
    assertNotEquals(a, other.topicId());
  }

  @Test
  void reprintsJoinTheOriginalsTopicWithoutCountingAsVolume() {
    TopicClusterer c = new TopicClusterer(ClusterSettings.defaults(), new InMemoryTopicStore(100));
    InMemoryTopicStore store = new InMemoryTopicStore(100);
    c = new TopicClusterer(ClusterSettings.defaults(), store);
    String t = c.assign(p("o", 0, vec("通报", "事故", "调查"))).topicId();
    Assignment r = c.assign(new ClusterPost("r", null, "o", 300 * MIN, vec("完全", "不同", "词语"), "r", "x.cn", null,
        null, 0, 10));
    assertEquals(t, r.topicId());
    assertEquals(TopicClusterer.VIA_REPRINT, r.via());
    assertEquals(1, store.get(t).postCount);
    assertEquals(1, store.get(t).reprintCount);
    assertEquals(List.of("s-o", "x.cn"), store.get(t).sites);
  }

  @Test
  void topicsExpireAndTheLiveCapHolds() {
    ClusterSettings d = ClusterSettings.defaults();
    ClusterSettings small = d.with("priorShare", 1e9).with("topicTtlMinutes", 60).with("maxLiveTopics", 5);
    InMemoryTopicStore store = new InMemoryTopicStore(100);
    TopicClusterer c = new TopicClusterer(small, store);
    for (int i = 0; i < 20; i++) {
      c.assign(p("p" + i, i, vec("词" + i, "题" + i)));
      assertTrue(c.liveTopics() <= 5, "at most 5 live topics");
    }
    assertEquals(5, store.topicCount());
    List<String> evicted = c.evictUntil(19 * MIN + 61 * MIN);
    assertEquals(5, evicted.size());
    assertEquals(0, c.liveTopics());
    assertEquals(0, store.topicCount());
    assertEquals(0, c.indexTerms(), "the inverted index empties with the topics");
    assertNull(c.resolve("t-p19"));
  }

  @Test
  void convergingTopicsMergeIntoTheLargerOne() {
    ClusterSettings d = ClusterSettings.defaults();
    // no time prior, and a join threshold high enough that the second story opens its own topic first
    ClusterSettings s = d.with("joinThreshold", 0.85).with("priorShare", 1e9).with("mergeThreshold", 0.6)
        .with("evidenceMass", 0.5);
    InMemoryTopicStore store = new InMemoryTopicStore(100);
    TopicClusterer c = new TopicClusterer(s, store);
    String a = c.assign(p("a1", 0, vec("暴雨", "郑州", "地铁", "被困"))).topicId();
    c.assign(p("a2", 1, vec("暴雨", "郑州", "地铁", "被困")));
    String b = c.assign(p("b1", 2, vec("暴雨", "郑州", "救援"))).topicId();
    assertNotEquals(a, b);
    Assignment joined = c.assign(p("b2", 3, vec("暴雨", "郑州", "地铁", "救援", "被困")));
    // b2 is close to both; after it joins one of them their centroids converge and the smaller is merged away
    assertEquals(1, c.liveTopics(), "merged: " + joined);
    assertEquals(a, c.resolve(b));
    assertEquals(4, store.get(a).postCount);
    assertEquals(a, store.get(b).mergedInto);
  }

  private static ClusterPost reaction(String id, long minute) {
    // "顶" / "[怒]": no content term at all
    return new ClusterPost(id, null, null, minute * MIN, Map.of(), id, "weibo.com", null, "neutral", 0, 0);
  }

  @Test
  void twoInterleavedStoriesStayApartWithTheJobsDefaults() {
    // two stories running at the same time, posts alternating minute by minute: time cannot separate them, words must
    TopicClusterer c = new TopicClusterer(TopicSettings.fromDefaultsFile().cluster(), new InMemoryTopicStore(100));
    String[][] metro = {{"地铁", "3号线", "信号", "故障", "停运"}, {"3号线", "停运", "乘客", "滞留"},
        {"地铁", "故障", "广播", "乘客"}, {"信号", "故障", "修复", "3号线"}, {"地铁", "延误", "证明", "3号线"}};
    String[][] water = {{"小区", "停水", "物业", "业主"}, {"停水", "三天", "物业", "投诉"},
        {"小区", "停水", "消防栓", "接水"}, {"物业", "停水", "街道", "督促"}, {"停水", "来水", "业主", "物业"}};
    java.util.Set<String> metroTopics = new java.util.HashSet<>();
    java.util.Set<String> waterTopics = new java.util.HashSet<>();
    for (int i = 0; i < metro.length; i++) {
      metroTopics.add(c.assign(p("m" + i, 2 * i, vec(metro[i]))).topicId());
      waterTopics.add(c.assign(p("w" + i, 2 * i + 1, vec(water[i]))).topicId());
    }
    assertEquals(1, metroTopics.size(), "one metro topic");
    assertEquals(1, waterTopics.size(), "one water topic");
    assertNotEquals(metroTopics, waterTopics);
    // a word-less reaction while both run is not pushed into either by timing alone
    Assignment r = c.assign(reaction("r", 10));
    assertTrue(r.opened(), "two live threads share the activity: " + r);
  }

  @Test
  void aBurstOfOneStoryFormsOneTopicReactionsIncluded() {
    InMemoryTopicStore store = new InMemoryTopicStore(100);
    TopicClusterer c = new TopicClusterer(TopicSettings.fromDefaultsFile().cluster(), store);
    String t = c.assign(p("a0", 0, vec("武汉大学", "牌坊", "拆除", "校友", "历史"))).topicId();
    String[][] posts = {{"牌坊", "拆除", "抗议"}, {"武汉大学", "牌坊", "校门"}, {"拆除", "历史", "建筑"},
        {"武汉大学", "校友", "反对", "拆除"}, {"牌坊", "历史", "保护"}};
    for (int i = 0; i < posts.length; i++) {
      assertEquals(t, c.assign(p("a" + (i + 1), 2 * i + 1, vec(posts[i]))).topicId(), "post " + (i + 1));
      // between them, word-less reactions: the only running thread takes them
      Assignment r = c.assign(reaction("r" + i, 2 * i + 2));
      assertEquals(t, r.topicId(), "reaction " + i);
      assertEquals(TopicClusterer.VIA_SIMILAR, r.via());
    }
    assertEquals(11, store.get(t).postCount);
    assertEquals(1, c.liveTopics());
  }

  @Test
  void aContentRichPostSharingNoWordWithTheRunningThreadOpensANewTopic() {
    TopicClusterer c = new TopicClusterer(TopicSettings.fromDefaultsFile().cluster(), new InMemoryTopicStore(100));
    String a = c.assign(p("a1", 0, vec("暴雨", "积水", "车辆", "被淹", "排水"))).topicId();
    c.assign(p("a2", 1, vec("暴雨", "积水", "路段", "绕行")));
    // one minute later, the only live thread holds all the activity, but these words are about something else
    Assignment b = c.assign(p("b1", 2, vec("燃气", "调价", "听证会", "发改委", "居民")));
    assertTrue(b.opened());
    assertNotEquals(a, b.topicId());
  }

  @Test
  void oneSharedCommonWordIsWeakerEvidenceThanSharedNames() {
    // the same cosine, but resting on a sliver of the post's content: the shared-mass factor keeps it apart
    ClusterSettings s = TopicSettings.fromDefaultsFile().cluster().with("priorShare", 1e9);
    TopicClusterer c = new TopicClusterer(s, new InMemoryTopicStore(100));
    String a = c.assign(p("a1", 0, vec("中国", "古董", "被盗", "博物馆"))).topicId();
    Map<String, Double> v = new HashMap<>(Map.of("中国", 0.5, "喜欢", 0.5, "熊猫", 0.5, "可爱", 0.5));
    // low-mass post: its content is a few common words
    Assignment weak = c.assign(new ClusterPost("w", null, null, MIN, v, "w", null, null, null, 0, 0.2));
    assertNotEquals(a, weak.topicId());
    Assignment strong = c.assign(new ClusterPost("x", null, null, 2 * MIN, vec("古董", "被盗", "博物馆", "警方"), "x",
        null, null, null, 0, 3));
    assertEquals(a, strong.topicId());
  }

  /** One running thread (metro), a light common word (市民) in every tenth post, {@code n} posts {@code gapMs} apart. */
  private static String runThread(TopicClusterer c, int n, long gapMs) {
    String topic = null;
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = i % 10 == 9 ? vec("地铁", "停运", "积水", "暴雨", "市民") : vec("地铁", "停运", "积水", "暴雨");
      Assignment a = c.assign(new ClusterPost("m" + i, null, null, i * gapMs, v, "m" + i, null, null, null, 0, 10));
      topic = topic == null ? a.topicId() : topic;
      assertEquals(topic, a.topicId());
    }
    return topic;
  }

  /** A new event: four words of its own and the common word the thread also holds. */
  private static ClusterPost newEvent(long at) {
    return new ClusterPost("x", null, null, at, vec("化肥厂", "氨气", "泄漏", "村民", "市民"), "x", null, null, null, 0, 10);
  }

  @Test
  void inABusyStreamAPostWithWordsOfItsOwnIsNotCarriedByTiming() {
    ClusterSettings s = ClusterSettings.defaults();
    // 100 posts in 2 s: the decayed volume is ~100, below busyActivity, but corrected for the 2 s of history it is
    // far above (at this rate half an hour holds ~90,000 posts)
    TopicClusterer c = new TopicClusterer(s, new InMemoryTopicStore(1000));
    String metro = runThread(c, 100, 20);
    Assignment x = c.assign(newEvent(2_000));
    assertTrue(x.opened(), "carried into the running thread: " + x);
    assertNotEquals(metro, x.topicId());
    // without the gate the running thread's share alone carries it (it shares 市民, so the old veto does not apply)
    TopicClusterer ungated = new TopicClusterer(s.with("busyActivity", 1e9), new InMemoryTopicStore(1000));
    assertEquals(runThread(ungated, 100, 20), ungated.assign(newEvent(2_000)).topicId());
  }

  @Test
  void inAQuietStreamTimingStillCarriesItAsBefore() {
    // one post a minute for 20 minutes: one thread in a quiet stream, where a post now is most likely about it
    TopicClusterer c = new TopicClusterer(ClusterSettings.defaults(), new InMemoryTopicStore(1000));
    String metro = runThread(c, 20, MIN);
    Assignment x = c.assign(newEvent(20 * MIN));
    assertEquals(metro, x.topicId());
    assertEquals(TopicClusterer.VIA_SIMILAR, x.via());
  }
}
