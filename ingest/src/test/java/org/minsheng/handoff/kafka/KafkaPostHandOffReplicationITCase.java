package org.minsheng.handoff.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.minsheng.post.Post;

/**
 * Durability as production runs it: three brokers, replication factor 3, {@code min.insync.replicas} 2. A broker is
 * stopped right after {@code flush()}: every acknowledged post is still readable, the hand-off keeps working on the
 * two remaining replicas, and nothing is duplicated.
 */
class KafkaPostHandOffReplicationITCase {

  @Test
  void postsAcknowledgedBeforeABrokerGoesAreAllThereAndSendingContinues() throws Exception {
    try (KafkaTestBroker cluster = KafkaTestBroker.start(3)) {
      cluster.createTopic("posts-replicated", 3, (short) 3, Map.of("min.insync.replicas", "2"));
      KafkaHandOffSettings settings = new KafkaHandOffSettings(cluster.bootstrapServers(), "posts-replicated",
          "replication-itcase", Duration.ofMillis(5), Duration.ofSeconds(60), "lz4");
      try (KafkaPostHandOff handOff = new KafkaPostHandOff(settings)) {
        for (int i = 0; i < 300; i++) {
          handOff.send(post(i));
        }
        handOff.flush();
        // one of three brokers goes away after the acknowledgement
        cluster.stopBroker(cluster.brokerIds().iterator().next());
        for (int i = 300; i < 600; i++) {
          handOff.send(post(i));
        }
        handOff.flush();
        assertThat(handOff.acknowledgedCount()).isEqualTo(600);
      }
      List<String> keys = readKeys(cluster.bootstrapServers(), 600);
      assertThat(keys).hasSize(600);
      Set<String> distinct = new HashSet<>(keys);
      assertThat(distinct).hasSize(600);
      for (int i = 0; i < 600; i++) {
        assertThat(distinct).contains("r:" + i);
      }
    }
  }

  private static Post post(int i) {
    return Post.builder().id("r:" + i).platform("forum").site("bbs.example.cn").text("第" + i + "帖")
        .publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build();
  }

  private static List<String> readKeys(String servers, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "replication-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> out = new java.util.ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("posts-replicated"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(new String(r.key(), StandardCharsets.UTF_8));
        }
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        out.add(new String(r.key(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
