package org.minsheng.analysis.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.config.Settings;

class KafkaPostsSourceTest {

  @Test
  void defaultsFileDocumentsEveryKafkaSetting() {
    KafkaSourceSettings k = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null, Map.of())).kafka();
    assertThat(k.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(k.topic()).isEqualTo("minsheng-posts");
    assertThat(k.groupId()).isEqualTo("minsheng-analysis");
    assertThat(k.startingOffsets()).isEqualTo(KafkaSourceSettings.StartingOffsets.COMMITTED_OR_EARLIEST);
    assertThat(k.partitionDiscoveryInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void switchingToKafkaIsConfigurationOnly() {
    AnalysisConfig spool = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null, Map.of()));
    assertThat(AnalysisMain.source(spool)).isInstanceOf(SpoolDirectorySource.class);

    AnalysisConfig kafka = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null, Map.of(
        "MINSHENG_HANDOFF_TYPE", "kafka",
        "MINSHENG_HANDOFF_KAFKA_BOOTSTRAPSERVERS", "kafka-0:9092,kafka-1:9092",
        "MINSHENG_HANDOFF_KAFKA_TOPIC", "posts-prod")));
    PostsSource source = AnalysisMain.source(kafka);
    assertThat(source).isInstanceOf(KafkaPostsSource.class);
    assertThat(source.description()).isEqualTo("kafka:posts-prod");
    assertThat(((KafkaPostsSource) source).settings().bootstrapServers()).isEqualTo("kafka-0:9092,kafka-1:9092");
    assertThat(((KafkaPostsSource) source).isBounded()).isFalse();
    assertThat(source.rawLines().getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
  }

  @Test
  void anUnknownHandOffTypeOrStartingPointIsAClearError() {
    AnalysisConfig other = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        Map.of("MINSHENG_HANDOFF_TYPE", "rabbitmq")));
    assertThatThrownBy(() -> AnalysisMain.source(other)).hasMessageContaining("'rabbitmq'")
        .hasMessageContaining("spool, kafka");
    assertThatThrownBy(() -> AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        Map.of("MINSHENG_HANDOFF_KAFKA_STARTINGOFFSETS", "yesterday"))))
        .hasMessageContaining("handoff.kafka.startingOffsets").hasMessageContaining("'yesterday'");
    assertThat(KafkaSourceSettings.StartingOffsets.parse("Latest"))
        .isEqualTo(KafkaSourceSettings.StartingOffsets.LATEST);
  }

  @Test
  void boundedSourceFinishes() {
    KafkaSourceSettings k = new KafkaSourceSettings("b:9092", "t", "g",
        KafkaSourceSettings.StartingOffsets.EARLIEST, Duration.ZERO);
    assertThat(KafkaPostsSource.bounded(k).rawLines().getBoundedness()).isEqualTo(Boundedness.BOUNDED);
  }

  @Test
  void deserializerPassesEveryRecordOnEvenTombstonesAndBrokenUtf8() throws Exception {
    KafkaLineDeserializer d = new KafkaLineDeserializer();
    List<RawLine> out = new ArrayList<>();
    Collector<RawLine> collector = new Collector<>() {
      @Override
      public void collect(RawLine record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
    d.deserialize(record(3, "{\"id\":\"weibo:1\",\"text\":\"民声\"}".getBytes(StandardCharsets.UTF_8)), collector);
    d.deserialize(record(4, null), collector);
    d.deserialize(record(5, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}), collector);
    assertThat(out).extracting(RawLine::line).containsExactly("{\"id\":\"weibo:1\",\"text\":\"民声\"}", "", "{\uFFFD(}");
    assertThat(out).extracting(RawLine::origin).containsExactly("kafka:posts/1/3", "kafka:posts/1/4", "kafka:posts/1/5");
    assertThat(d.getProducedType().getTypeClass()).isEqualTo(RawLine.class);
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
    return new ConsumerRecord<>("posts", 1, offset, "k".getBytes(StandardCharsets.UTF_8), value);
  }
}
