package org.minsheng.analysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.source.SpoolDirectorySource;

class MinshengJobTopologyTest {

  @Test
  void everyOperatorHasAUidAndANameAndCheckpointingIsExactlyOnce() {
    AnalysisConfig config = AnalysisConfig.load();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    new MinshengJob(SpoolDirectorySource.continuous("/tmp/spool", Duration.ofSeconds(1)),
        JobSinks.of(new DiscardingSink<>(), new DiscardingSink<>()).withAlerts(new DiscardingSink<>())
            .withTopics(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()),
        config.job())
        .build(env);
    StreamGraph graph = env.getStreamGraph();

    List<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
    assertThat(uids).contains(MinshengJob.Uids.SOURCE, MinshengJob.Uids.PARSE, MinshengJob.Uids.EVENT_TIME,
        MinshengJob.Uids.NORMALISE, MinshengJob.Uids.SEGMENT, MinshengJob.Uids.SENTIMENT);
    assertThat(uids).anySatisfy(u -> assertThat(u).startsWith(MinshengJob.Uids.POST_SINK));
    assertThat(uids).anySatisfy(u -> assertThat(u).startsWith(MinshengJob.Uids.DEAD_LETTER_SINK));
    assertThat(uids).contains("alert-scopes", "alert-window-counts", "alert-detect");
    assertThat(uids).contains("spam-score", "dedup-buckets", "topic-cluster", "heat", "topic-documents");
    assertThat(uids).anySatisfy(u -> assertThat(u).startsWith(MinshengJob.Uids.TOPIC_SINK));
    assertThat(uids).anySatisfy(u -> assertThat(u).startsWith(MinshengJob.Uids.TREND_SINK));
    assertThat(uids).anySatisfy(u -> assertThat(u).startsWith(MinshengJob.Uids.ALERT_SINK));
    assertThat(uids).doesNotContainNull();
    assertThat(graph.getStreamNodes()).extracting(StreamNode::getOperatorName)
        .contains("parse + validate", "normalise", "segment (HanLP)", "sentiment (trained)");

    assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    assertThat(graph.getCheckpointConfig().getCheckpointInterval()).isEqualTo(60_000L); // analysis.checkpoint.interval
    assertThat(graph.getCheckpointConfig().getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
  }
}
