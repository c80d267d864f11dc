package org.minsheng.analysis.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.minsheng.analysis.topic.TestPosts.millis;
import static org.minsheng.analysis.topic.TestPosts.post;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;

/** Harness tests of the three stateful duplicate operators, chained by hand as TopicStages chains them. */
class DuplicateOperatorsTest {
  private static final DedupSettings SETTINGS = new DedupSettings(3, 60, 64, 50);
  private static final String WORDS = "国务院 近日 正式 批复 上海市 关于 撤销 静安区 闸北区 设立 新的 静安区 的 请示 "
      + "同意 以 原 两区 的 行政区域 为 新 静安区 的 行政区域 区 人民政府 驻 原 闸北区 人民政府 驻地 调整 后 上海市 "
      + "中心城区 的 格局 将 发生 变化 市民 对此 反应 不一 有 居民 表示 支持 也 有 居民 担心 学区 和 房价 受到 影响 "
      + "专家 认为 合并 有利于 统筹 规划 和 公共 服务 均衡 发展 相关 部门 将 做好 过渡 期间 的 各项 工作";

  private static List<DedupProbe> probes(AnalyzedPost p) {
    List<DedupProbe> out = new ArrayList<>();
    new DedupProbeSplitter().flatMap(p, new ListCollector<>(out));
    return out;
  }

  @Test
  void bucketsFindTheEarliestCopyThenForgetAfterTtl() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, DedupProbe, DedupVerdict>(
        new KeyedProcessOperator<>(new DuplicateBucketFunction(SETTINGS)), p -> p.bucket, Types.STRING);
    h.open();
    AnalyzedPost original = post("o", 0, "news.a.cn", WORDS);
    AnalyzedPost copy = post("c", 5, "news.b.cn", WORDS);
    AnalyzedPost near = post("n", 6, "news.c.cn", WORDS + " 来源 新华社");
    AnalyzedPost other = post("x", 7, "news.d.cn", "高铁 票价 上调 铁路局 春运 乘客 不满 投诉 增加");
    for (AnalyzedPost p : List.of(copy, near, original, other)) {
      for (DedupProbe pr : probes(p)) {
        h.processElement(new StreamRecord<>(pr, pr.eventTime));
      }
    }
    assertEquals(0, h.extractOutputValues().size(), "answered in event-time order once the watermark passes");
    h.processWatermark(millis(7));
    List<DedupVerdict> verdicts = h.extractOutputValues();
    int probes = 0;
    for (AnalyzedPost p : List.of(original, copy, near, other)) {
      probes += probes(p).size();
    }
    assertEquals(probes, verdicts.size(), "one verdict per post and bucket");
    DedupVerdict forCopy = best(verdicts, "c");
    assertEquals("o", forCopy.originalId);
    assertEquals("exact", forCopy.kind);
    assertEquals(SimHash.of(copy.tokens), forCopy.simhash, "the verdict carries the SimHash its probe computed");
    DedupVerdict forNear = best(verdicts, "n");
    assertEquals("o", forNear.originalId, "the earliest copy, not the exact copy c");
    assertEquals("near", forNear.kind);
    assertNull(best(verdicts, "o"));
    assertNull(best(verdicts, "x"));
    assertEquals(true, h.numEventTimeTimers() > 0);

    h.processWatermark(millis(7) + SETTINGS.ttlMs());
    assertEquals(0, h.numKeyedStateEntries(), "entries expire after the TTL");
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  private static DedupVerdict best(List<DedupVerdict> verdicts, String postId) {
    DedupVerdict b = null;
    for (DedupVerdict v : verdicts) {
      if (v.postId.equals(postId)) {
        b = DedupVerdict.better(b, v);
      }
    }
    return b == null || b.originalId == null ? null : b;
  }

  @Test
  void shortReprintWithNewChromeIsFoundThroughItsSentences() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, DedupProbe, DedupVerdict>(
        new KeyedProcessOperator<>(new DuplicateBucketFunction(SETTINGS)), p -> p.bucket, Types.STRING);
    h.open();
    AnalyzedPost original = post("o", 0, "weibo.com", "朋友 妈妈 在 公交 捡到 钱包 身份证 火车票 失主 转发");
    AnalyzedPost reprint = post("r", 3, "news.x.cn", "来源 新华社 朋友 妈妈 在 公交 捡到 钱包 身份证 火车票 失主 转发 "
        + "责任编辑 张伟");
    // the texts as a site would lay them out: the reprint adds a dateline, a 来源 line and an editor line
    original = withText(original, "朋友妈妈在公交捡到了个钱包，里面有两张身份证和三张火车票。春运期间不知道失主花了多少功夫买票，一定急疯了。");
    reprint = withText(reprint, "本报讯（记者 王磊）\n来源：新华社\n朋友媽媽在公交撿到了個錢包，裏面有兩張身份證和三張火車票。"
        + "春運期間不知道失主花了多少功夫買票，一定急瘋了。\n责任编辑：张伟");
    for (AnalyzedPost p : List.of(original, reprint)) {
      for (DedupProbe pr : probes(p)) {
        h.processElement(new StreamRecord<>(pr, pr.eventTime));
      }
    }
    h.processWatermark(millis(3));
    DedupVerdict v = best(h.extractOutputValues(), "r");
    assertEquals("o", v.originalId, "traditional script and new chrome, same sentences");
    h.close();
  }

  private static AnalyzedPost withText(AnalyzedPost p, String text) {
    AnalyzedPost a = new AnalyzedPost(p.post.toBuilder().text(text).build());
    a.normalisedText = text;
    a.tokens = p.tokens;
    a.pos = p.pos;
    return a;
  }

  @Test
  void verdictJoinTakesTheSimHashFromTheVerdictsInsteadOfComputingItAgain() throws Exception {
    var h = new KeyedTwoInputStreamOperatorTestHarness<String, AnalyzedPost, DedupVerdict, AnalyzedPost>(
        new KeyedCoProcessOperator<>(new DuplicateVerdictJoin()), AnalyzedPost::id, v -> v.postId, Types.STRING);
    h.open();
    AnalyzedPost post = post("c", 5, "news.b.cn", WORDS);
    long t = post.post.publishedAt().toEpochMilli();
    h.processElement1(new StreamRecord<>(post, t));
    h.processElement2(new StreamRecord<>(new DedupVerdict("c", null, 0, null, 0, 1, 0x2aL), t));
    assertEquals(0x2aL, h.extractOutputValues().get(0).simhash);
    h.close();
  }

  @Test
  void verdictJoinWaitsForAllVerdictsAndClearsItsState() throws Exception {
    var h = new KeyedTwoInputStreamOperatorTestHarness<String, AnalyzedPost, DedupVerdict, AnalyzedPost>(
        new KeyedCoProcessOperator<>(new DuplicateVerdictJoin()), AnalyzedPost::id, v -> v.postId, Types.STRING);
    h.open();
    AnalyzedPost reprint = post("c", 5, "news.b.cn", WORDS);
    long t = reprint.post.publishedAt().toEpochMilli();
    h.processElement1(new StreamRecord<>(reprint, t));
    int expected = 5;
    for (int i = 0; i < expected - 1; i++) {
      h.processElement2(new StreamRecord<>(
          new DedupVerdict("c", i == 2 ? "o" : null, millis(0), "near", 2, expected, 0L), t));
    }
    assertEquals(0, h.extractOutputValues().size(), "waits for the last verdict");
    h.processElement2(new StreamRecord<>(new DedupVerdict("c", "o", millis(0), "exact", 0, expected, 0L), t));
    List<AnalyzedPost> out = h.extractOutputValues();
    assertEquals(1, out.size());
    assertEquals("o", out.get(0).duplicateOf);
    assertEquals("exact", out.get(0).duplicateKind, "exact beats near");
    assertEquals(SimHash.of(reprint.tokens), out.get(0).simhash);
    ReprintNotice n = h.getSideOutput(DuplicateVerdictJoin.REPRINTS).peek().getValue();
    assertEquals("o", n.originalId);
    assertEquals("news.b.cn", n.site);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());

    // a post whose verdicts never come is emitted by the watermark fallback, not held forever
    AnalyzedPost lonely = post("l", 9, "news.e.cn", "孤独 的 帖子");
    h.processElement1(new StreamRecord<>(lonely, millis(9)));
    h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(millis(10)));
    assertEquals(2, h.extractOutputValues().size());
    assertNull(h.extractOutputValues().get(1).duplicateOf);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  @Test
  void reprintCounterAccumulatesSitesAndForgets() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, ReprintNotice, ReprintUpdate>(
        new KeyedProcessOperator<>(new ReprintCounter(SETTINGS)), n -> n.originalId, Types.STRING);
    h.open();
    h.processElement(new StreamRecord<>(new ReprintNotice("o", millis(0), "c1", "a.cn"), millis(1)));
    h.processElement(new StreamRecord<>(new ReprintNotice("o", millis(0), "c2", "b.cn"), millis(2)));
    h.processElement(new StreamRecord<>(new ReprintNotice("o", millis(0), "c3", "a.cn"), millis(3)));
    List<ReprintUpdate> out = h.extractOutputValues();
    ReprintUpdate last = out.get(out.size() - 1);
    assertEquals(3, last.reprintCount);
    assertEquals(List.of("a.cn", "b.cn"), last.reprintSites);
    assertEquals("minsheng-posts-2026.05", ReprintDocuments.index(last));
    h.processWatermark(millis(0) + SETTINGS.ttlMs());
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }
}
