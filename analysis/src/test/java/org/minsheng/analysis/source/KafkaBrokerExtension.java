package org.minsheng.analysis.source;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link KafkaTestBroker} for one test class (register it as a static field): started with the class's topic
 * before its first test, closed after its last.
 */
final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
  private final String topic;
  private final int partitions;
  private KafkaTestBroker broker;

  KafkaBrokerExtension(String topic, int partitions) {
    this.topic = topic;
    this.partitions = partitions;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    broker = KafkaTestBroker.start();
    broker.createTopic(topic, partitions);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  KafkaTestBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("the broker runs only while the test class does");
    }
    return broker;
  }

  /** Sum of the offsets consumer group {@code group} has committed over all partitions. */
  long committedOffsets(String group) {
    try (Admin admin = broker().admin()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read offsets of group " + group, e);
    }
  }
}
