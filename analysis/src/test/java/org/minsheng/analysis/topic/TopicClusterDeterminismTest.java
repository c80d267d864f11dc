package org.minsheng.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * The clustering operator's output is a function of its input alone: the same posts delivered in another arrival order
 * (as another partitioning upstream would deliver them, within the watermark bound) and with another watermark cadence,
 * or with a snapshot and a restore into a fresh operator in the middle, give the same topic and keywords for every post
 * and the same topic documents. The stream is made so that the learnt statistics matter: overlapping stories sharing
 * common words, posts at the same instant, replies, reprints and spam.
 */
class TopicClusterDeterminismTest {
  private static final int POSTS = 900;
  private static final String[] COMMON = {"网友", "表示", "今天", "情况", "相关", "部门", "回应", "视频", "现场", "消息"};
  private static final String[][] STORIES = {
      {"地铁", "停运", "乘客", "滞留", "站台", "信号", "抢修", "列车", "晚点", "换乘", "通勤", "地铁公司/nt"},
      {"小区", "停水", "居民", "物业", "投诉", "自来水", "管道", "爆裂", "维修", "水压", "业主", "水务局/nt"},
      {"学校", "食堂", "家长", "学生", "午餐", "分量", "价格", "教育局/nt", "整改", "营养", "卫生", "校长"},
      {"暴雨", "积水", "道路", "预警", "交警", "司机", "绕行", "排水", "气象台/nt", "内涝", "车辆", "熄火"},
      {"拆迁", "补偿", "村民", "强拆", "征地", "协议", "安置", "上访", "街道办/nt", "评估", "房屋", "赔偿"},
      {"医院", "挂号", "排队", "患者", "医生", "急诊", "收费", "投诉", "卫健委/nt", "床位", "护士", "候诊"},
  };

  private static ClusterSettings settings() {
    return TopicSettings.fromDefaultsFile().cluster().with("topicTtlMinutes", 120);
  }

  /** Posts in event-time order (ties in time on purpose: every third post shares its predecessor's second). */
  static List<AnalyzedPost> stream() {
    Random r = new Random(8);
    List<AnalyzedPost> out = new ArrayList<>();
    long second = 0;
    for (int i = 0; i < POSTS; i++) {
      if (i % 3 != 0) {
        second += 1 + r.nextInt(12);
      }
      if (i % 150 == 149) {
        second += 1800; // a quiet spell between blocks
      }
      // two stories run at once in each block of 150 posts, a third one now and then
      int block = i / 150;
      int story = (block + (r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 8 ? 1 : 2)) % STORIES.length;
      StringBuilder words = new StringBuilder();
      int n = 6 + r.nextInt(9);
      for (int k = 0; k < n; k++) {
        String w = r.nextInt(5) == 0 ? COMMON[r.nextInt(COMMON.length)] : STORIES[story][r.nextInt(12)];
        words.append(k == 0 ? "" : " ").append(w);
      }
      String id = String.format("p%04d", i);
      String parent = i > 10 && r.nextInt(12) == 0 ? String.format("p%04d", i - 1 - r.nextInt(10)) : null;
      AnalyzedPost p = TestPosts.post(id, 0, "site" + r.nextInt(5) + ".cn", words.toString(), parent);
      p.post = org.minsheng.post.Post.builder().id(id).platform("news").site(p.post.site()).text(p.post.text())
          .publishedAt(TestPosts.T0.plusSeconds(second)).region(r.nextBoolean() ? "湖北" : "广东").parentId(parent)
          .metrics(new org.minsheng.post.Post.Metrics((long) r.nextInt(50), 0L, (long) r.nextInt(100), null))
          .build();
      if (i > 20 && r.nextInt(15) == 0) {
        p.duplicateOf = String.format("p%04d", i - 1 - r.nextInt(20));
      }
      p.spam = r.nextInt(40) == 0;
      p.sentimentLabel = r.nextBoolean() ? "negative" : "neutral";
      out.add(p);
    }
    return out;
  }

  /** What the operator said about the stream: each post's topic and keywords, each topic's last update. */
  record Result(Map<String, String> topics, Map<String, List<String>> keywords, Map<String, String> documents) {}

  private static KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> harness(
      ClusterSettings settings) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new TopicClusterFunction(settings, Duration.ofMinutes(5), 8, 6)),
        p -> TopicClusterFunction.KEY, Types.INT);
  }

  private static AnalyzedPost copy(AnalyzedPost p) {
    AnalyzedPost c = new AnalyzedPost(p.post);
    c.normalisedText = p.normalisedText;
    c.tokens = new ArrayList<>(p.tokens);
    c.pos = new ArrayList<>(p.pos);
    c.sentimentLabel = p.sentimentLabel;
    c.duplicateOf = p.duplicateOf;
    c.spam = p.spam;
    return c;
  }

  /**
   * Feeds the posts in slices of {@code slice}; each slice is delivered in an order shuffled with {@code seed} (no
   * shuffle for seed 0) and followed by a watermark just before the next slice's earliest post. With {@code restoreAt
   * >= 0}, the operator is snapshotted after that many slices and the rest goes to a fresh operator restored from it.
   */
  private static Result run(List<AnalyzedPost> posts, int slice, long seed, int restoreAt) throws Exception {
    return run(settings(), posts, slice, seed, restoreAt);
  }

  private static Result run(ClusterSettings settings, List<AnalyzedPost> posts, int slice, long seed, int restoreAt)
      throws Exception {
    var h = harness(settings);
    h.open();
    Random shuffle = new Random(seed);
    List<AnalyzedPost> emitted = new ArrayList<>();
    List<TopicUpdate> updates = new ArrayList<>();
    int slices = 0;
    for (int from = 0; from < posts.size(); from += slice) {
      List<AnalyzedPost> part = new ArrayList<>();
      posts.subList(from, Math.min(posts.size(), from + slice)).forEach(p -> part.add(copy(p)));
      if (seed != 0) {
        Collections.shuffle(part, shuffle);
      }
      for (AnalyzedPost p : part) {
        h.processElement(new StreamRecord<>(p, p.post.publishedAt().toEpochMilli()));
      }
      int next = from + slice;
      long wm = next < posts.size() ? posts.get(next).post.publishedAt().toEpochMilli() - 1 : Long.MAX_VALUE - 1;
      h.processWatermark(wm);
      if (++slices == restoreAt) {
        OperatorSubtaskState snapshot = h.snapshot(slices, 0);
        drain(h, emitted, updates);
        h.close();
        h = harness(settings);
        h.initializeState(snapshot);
        h.open();
      }
    }
    drain(h, emitted, updates);
    assertThat(h.numKeyedStateEntries()).as("state after the end of time").isZero();
    h.close();
    Map<String, String> topics = new TreeMap<>();
    Map<String, List<String>> keywords = new TreeMap<>();
    for (AnalyzedPost p : emitted) {
      assertThat(topics.put(p.id(), String.valueOf(p.topicId))).as("post " + p.id() + " emitted once").isNull();
      keywords.put(p.id(), p.keywords);
    }
    assertThat(topics).hasSize(posts.size());
    Map<String, String> documents = new TreeMap<>();
    for (TopicUpdate u : updates) {
      documents.put(u.topicId + "@" + u.updatedAt, u.title + " " + u.keywords + " first=" + u.firstPostId + " rep="
          + u.representativePostId + " posts=" + u.postCount + " reprints=" + u.reprintCount + " sites=" + u.sites
          + " regions=" + u.regions + " neg=" + u.negative + " neu=" + u.neutral + " span=" + u.firstSeen + ".."
          + u.lastSeen + " merged=" + u.mergedInto);
    }
    return new Result(topics, keywords, documents);
  }

  private static void drain(KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> h,
      List<AnalyzedPost> emitted, List<TopicUpdate> updates) {
    emitted.addAll(h.extractOutputValues());
    var side = h.getSideOutput(TopicClusterFunction.TOPICS);
    if (side != null) {
      side.forEach(r -> updates.add(r.getValue()));
    }
  }

  /** Equal results, or the first few differences (the whole maps are too long to read). */
  private static void assertSame(Result expected, Result actual, String what) {
    assertThat(differences(expected.topics(), actual.topics())).as("topics, " + what).isEmpty();
    assertThat(differences(expected.keywords(), actual.keywords())).as("keywords, " + what).isEmpty();
    assertThat(differences(expected.documents(), actual.documents())).as("topic documents, " + what).isEmpty();
  }

  private static <V> List<String> differences(Map<String, V> expected, Map<String, V> actual) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      if (!java.util.Objects.equals(expected.get(k), actual.get(k)) && out.size() < 5) {
        out.add(k + ": expected " + expected.get(k) + ", was " + actual.get(k));
      }
    }
    return out;
  }

  @Test
  void anotherArrivalOrderAndWatermarkCadenceGiveTheSameTopicsAndKeywords() throws Exception {
    List<AnalyzedPost> posts = stream();
    Result inOrder = run(posts, 30, 0, -1);
    Result shuffled = run(posts, 45, 7, -1);
    Result shuffledOtherwise = run(posts, 12, 99, -1);
    Map<String, Long> sizes = new TreeMap<>();
    inOrder.topics().values().forEach(t -> sizes.merge(t, 1L, Long::sum));
    assertThat(inOrder.topics().values().stream().distinct().count()).as("a stream with several topics: " + sizes)
        
        .isGreaterThan(5).isLessThan(POSTS / 4);
    // topic documents at flushes too: the flush instants are in event time, so the same whatever the cadence
    assertSame(inOrder, shuffled, "shuffled in slices of 45");
    assertSame(inOrder, shuffledOtherwise, "shuffled in slices of 12");
  }

  @Test
  void aSnapshotAndRestoreMidStreamGivesTheSameTopicsAsAnUninterruptedRun() throws Exception {
    List<AnalyzedPost> posts = stream();
    Result uninterrupted = run(posts, 30, 3, -1);
    for (int at : new int[] {4, 13, 25}) {
      Result restored = run(posts, 30, 3, at);
      assertSame(uninterrupted, restored, "restored after slice " + at);
    }
  }

  /**
   * Restores rebuild the clusterer's index, recency order and total activity from the topics; topics that merge are
   * where a rebuild could part from the live run (a survivor moved in the recency order without being touched). Under
   * settings that make the stream's topics merge (12 merged-away topics of 23 with no time prior to speak of; 2 of 10
   * with the default prior), restores after every third slice still give the uninterrupted run's output.
   */
  @Test
  void restoresGiveTheSameTopicsWhenTopicsMergeToo() throws Exception {
    List<AnalyzedPost> posts = stream();
    double[][] variants = {{0.4, 2, 0.45}, {0.3, 0.5, 0.5}}; // joinThreshold, priorShare, mergeThreshold
    for (double[] v : variants) {
      ClusterSettings merging = settings().with("joinThreshold", v[0]).with("priorShare", v[1])
          .with("mergeThreshold", v[2]);
      Result uninterrupted = run(merging, posts, 30, 3, -1);
      long merged = uninterrupted.documents().keySet().stream().map(k -> k.substring(0, k.indexOf('@')))
          .filter(id -> uninterrupted.documents().entrySet().stream()
              .anyMatch(e -> e.getKey().startsWith(id + "@") && !e.getValue().endsWith("merged=null")))
          .distinct().count();
      assertThat(merged).as("topics merged away under " + java.util.Arrays.toString(v)).isGreaterThanOrEqualTo(2);
      for (int at = 1; at < 30; at += 3) {
        assertSame(uninterrupted, run(merging, posts, 30, 3, at),
            "settings " + java.util.Arrays.toString(v) + ", restored after slice " + at);
      }
    }
  }
}
