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
    ClusterSettings small = new ClusterSettings(d.joinThreshold(), d.textWeight(), 0, d.similarityTauMinutes(),
        d.activityTauMinutes(), d.newTopicIntensity(), d.centroidTauMinutes(), d.mergeThreshold(),
        d.maxCentroidTerms(), d.indexTermsPerTopic(), d.recentTopics(), d.maxCandidates(), d.maxPostingsPerTerm(),
        60, 5, d.maxPostLinks(), d.maxSites(), d.dfMaxTerms(), d.dfHalfLifeDocs(), d.entityBoost(), d.evidenceMass(),
        d.textVeto(), d.quietTauMinutes(), d.busyRate());
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
    ClusterSettings s = new ClusterSettings(0.85, 1.0, 0, d.similarityTauMinutes(), d.activityTauMinutes(),
        d.newTopicIntensity(), d.centroidTauMinutes(), 0.6, d.maxCentroidTerms(), d.indexTermsPerTopic(),
        d.recentTopics(), d.maxCandidates(), d.maxPostingsPerTerm(), d.topicTtlMinutes(), d.maxLiveTopics(),
        d.maxPostLinks(), d.maxSites(), d.dfMaxTerms(), d.dfHalfLifeDocs(), d.entityBoost(), 0.5, 0,
        d.quietTauMinutes(), d.busyRate());
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
}
