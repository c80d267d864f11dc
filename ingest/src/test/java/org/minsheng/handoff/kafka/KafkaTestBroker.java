package org.minsheng.handoff.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node Kafka (KRaft, broker and controller combined) in this JVM, on 127.0.0.1, for ITCases. */
final class KafkaTestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static KafkaTestBroker start() throws Exception {
    return start(1);
  }

  /**
   * {@code brokers} brokers: one combined broker+controller node, or with more brokers, that many brokers and one
   * separate controller (so a broker can be stopped without losing the quorum).
   */
  static KafkaTestBroker start(int brokers) throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(brokers == 1).setNumBrokerNodes(brokers).setNumControllerNodes(1).build())
        .setConfigProp("auto.create.topics.enable", "false")
        .setConfigProp("offsets.topic.replication.factor", Integer.toString(Math.min(brokers, 3)))
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

  void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
    createTopic(name, partitions, (short) 1, configs);
  }

  void createTopic(String name, int partitions, short replicas, Map<String, String> configs) throws Exception {
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, replicas).configs(configs)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Stops one broker (a clean shutdown of its server; its data stays on disk but is no longer served). */
  void stopBroker(int id) {
    cluster.brokers().get(id).shutdown();
  }

  java.util.Set<Integer> brokerIds() {
    return cluster.brokers().keySet();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
