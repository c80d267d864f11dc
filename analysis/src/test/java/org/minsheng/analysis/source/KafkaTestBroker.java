package org.minsheng.analysis.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;

/** A real single-node Kafka (KRaft, broker and controller combined) in this JVM, on 127.0.0.1, for ITCases. */
final class KafkaTestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static KafkaTestBroker start() throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("auto.create.topics.enable", "false")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new KafkaTestBroker(cluster);
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  Admin admin() {
    return cluster.admin();
  }

  void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(Map.of())))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Sends one valid post published at {@code publishedAt} to every partition of {@code topic} (id
   * {@code clock:<tag>:<partition>}), so that every source subtask's watermark passes everything published before:
   * stages that hold posts until the watermark passes them (dedup) then release the real ones. The clock posts are
   * not counted by the tests (they may themselves stay held).
   */
  void sendClockPosts(String topic, int partitions, Instant publishedAt, String tag) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    PostCodec codec = new PostCodec();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int partition = 0; partition < partitions; partition++) {
        String id = "clock:" + tag + ":" + partition;
        String line = codec.encode(Post.builder().id(id).platform("forum").site("clock.example.cn")
            .text("时钟").publishedAt(publishedAt).build());
        producer.send(new ProducerRecord<>(topic, partition, id, line)).get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
