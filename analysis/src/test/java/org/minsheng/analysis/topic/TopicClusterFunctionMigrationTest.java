package org.minsheng.analysis.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.analysis.topic.TestPosts.millis;
import static org.minsheng.analysis.topic.TestPosts.post;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * State written before the document frequencies were checkpointed restores into the current operator: {@code
 * topic/topic-cluster-b8f49cf.snapshot} is the clustering operator's harness snapshot taken with the code of commit
 * b8f49cf (no {@code document-frequencies} operator state, {@code TopicState} without {@code sequence}): story A's
 * three posts clustered into topic t-a1, story B's first post b1 waiting for the watermark. Written once by compiling
 * that commit's topic and keyword classes against this module and running a small writer (the steps are in
 * docs/TOPICS.md, "State and determinism").
 */
class TopicClusterFunctionMigrationTest {

  private static KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> harness()
      throws Exception {
    ClusterSettings settings = TopicSettings.fromDefaultsFile().cluster().with("topicTtlMinutes", 60);
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new TopicClusterFunction(settings, Duration.ofMinutes(5), 5, 10)),
        p -> TopicClusterFunction.KEY, Types.INT);
  }

  private static void feed(KeyedOneInputStreamOperatorTestHarness<Integer, AnalyzedPost, AnalyzedPost> h,
      AnalyzedPost p) throws Exception {
    h.processElement(new StreamRecord<>(p, p.post.publishedAt().toEpochMilli()));
  }

  @Test
  void aSnapshotFromBeforeTheDocumentFrequencyStateRestoresAndGoesOn() throws Exception {
    OperatorSubtaskState old = OperatorSnapshotUtil.readStateHandle(resource("topic/topic-cluster-b8f49cf.snapshot"));
    var h = harness();
    h.initializeState(old);
    h.open();
    // a reply to a post clustered before the snapshot, and more of the story that was waiting in it
    feed(h, post("r1", 36, "weibo.com", "顶", "a2"));
    feed(h, post("b2", 36, "news.d.cn", "春运 高铁 票价 乘客 不满"));
    h.processWatermark(millis(40));
    Map<String, String> topicOf = h.extractOutputValues().stream()
        .collect(Collectors.toMap(AnalyzedPost::id, p -> String.valueOf(p.topicId)));
    assertThat(topicOf).containsEntry("r1", "t-a1").containsEntry("b1", "t-b1").containsEntry("b2", "t-b1");
    AnalyzedPost b1 = h.extractOutputValues().stream().filter(p -> p.id().equals("b1")).findFirst().orElseThrow();
    assertThat(b1.keywords).as("keywords from a table started empty at the restore").contains("高铁", "铁路局");
    TopicUpdate a = h.getSideOutput(TopicClusterFunction.TOPICS).stream().map(StreamRecord::getValue)
        .filter(u -> u.topicId.equals("t-a1")).reduce((x, y) -> y).orElseThrow();
    assertThat(a.postCount).as("the old topic's three posts and the reply").isEqualTo(4);

    // and the state written now (with the table) restores as well
    OperatorSubtaskState now = h.snapshot(2L, millis(40));
    h.close();
    var again = harness();
    again.initializeState(now);
    again.open();
    feed(again, post("b3", 41, "news.e.cn", "高铁 票价 春运 铁路局/nt 回应"));
    again.processWatermark(millis(42));
    assertThat(again.extractOutputValues()).singleElement().satisfies(p -> assertThat(p.topicId).isEqualTo("t-b1"));
    again.close();
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(TopicClusterFunctionMigrationTest.class.getClassLoader().getResource(name).toURI()).toString();
  }
}
