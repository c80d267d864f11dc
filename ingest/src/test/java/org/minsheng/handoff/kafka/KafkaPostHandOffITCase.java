package org.minsheng.handoff.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;

/** The Kafka hand-off against a real broker started in this JVM. */
class KafkaPostHandOffITCase {
  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  private static KafkaHandOffSettings settings(String topic, Duration deliveryTimeout) {
    return new KafkaHandOffSettings(broker.bootstrapServers(), topic, "handoff-itcase", Duration.ofMillis(5),
        deliveryTimeout, "lz4");
  }

  @Test
  void everyPostIsOnTheTopicOnceFlushReturnsKeyedByIdInSendOrderPerKey() throws Exception {
    broker.createTopic("posts-durable", 3, Map.of());
    List<Post> sent = new ArrayList<>();
    try (KafkaPostHandOff handOff = new KafkaPostHandOff(settings("posts-durable", Duration.ofSeconds(30)))) {
      for (int i = 0; i < 500; i++) {
        Post p = post("weibo:" + i, "第" + i + "条：小区停水三天，物业推诿。");
        handOff.send(p);
        sent.add(p);
      }
      // a newer version of a post: same key, so same partition, after the first one
      Post update = post("weibo:7", "更新：已经恢复供水。");
      handOff.send(update);
      sent.add(update);
      handOff.flush();
      assertThat(handOff.sentCount()).isEqualTo(501);
      assertThat(handOff.acknowledgedCount()).isEqualTo(501);
    }

    List<ConsumerRecord<byte[], byte[]>> records = readAll("posts-durable", 501);
    assertThat(records).hasSize(501);
    PostCodec codec = new PostCodec();
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      Post decoded = codec.decode(new String(r.value(), StandardCharsets.UTF_8));
      assertThat(decoded.id()).isEqualTo(key);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    assertThat(byKey).hasSize(500);
    assertThat(records.stream().map(ConsumerRecord::partition).distinct()).as("keys spread over partitions")
        .hasSize(3);
    List<ConsumerRecord<byte[], byte[]>> seven = byKey.get("weibo:7");
    assertThat(seven).hasSize(2);
    assertThat(seven.get(0).partition()).isEqualTo(seven.get(1).partition());
    assertThat(seven.get(0).offset()).isLessThan(seven.get(1).offset());
    assertThat(new String(seven.get(1).value(), StandardCharsets.UTF_8)).contains("已经恢复供水");
    assertThat(sent.stream().map(p -> codec.encode(p)).toList())
        .containsAll(records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
  }

  @Test
  void aPostTheBrokerRejectsMakesFlushFailNamingItAndTheHandOffRefusesMore() throws Exception {
    broker.createTopic("posts-small", 1, Map.of("max.message.bytes", "2000"));
    KafkaPostHandOff handOff = new KafkaPostHandOff(settings("posts-small", Duration.ofSeconds(10)));
    handOff.send(post("ok:1", "正常的帖子"));
    handOff.send(post("huge:1", incompressibleText(20_000)));
    assertThatThrownBy(handOff::flush).isInstanceOf(IOException.class)
        .hasMessageContaining("huge:1").hasMessageContaining("posts-small")
        .hasMessageContaining("1 of 2 posts acknowledged");
    assertThatThrownBy(() -> handOff.send(post("ok:2", "之后的帖子"))).isInstanceOf(IOException.class)
        .hasMessageContaining("failed earlier");
    assertThatThrownBy(handOff::close).isInstanceOf(IOException.class).hasMessageContaining("huge:1");
    assertThat(readAll("posts-small", 1)).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("ok:1");
  }

  @Test
  void aMissingTopicIsAClearErrorWithinTheDeliveryTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> {
      try (KafkaPostHandOff handOff = new KafkaPostHandOff(settings("no-such-topic", Duration.ofSeconds(2)))) {
        handOff.send(post("lost:1", "发不出去"));
        handOff.flush();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("lost:1").hasMessageContaining("no-such-topic");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aPostWithoutIdIsRefusedBeforeItReachesKafka() throws Exception {
    broker.createTopic("posts-noid", 1, Map.of());
    try (KafkaPostHandOff handOff = new KafkaPostHandOff(settings("posts-noid", Duration.ofSeconds(10)))) {
      Post noId = Post.builder().platform("forum").site("bbs.example.cn").text("无编号")
          .publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build();
      assertThatThrownBy(() -> handOff.send(noId)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("without id");
      assertThat(handOff.sentCount()).isZero();
    }
  }

  /** Random Han characters, so that lz4 cannot shrink the record under the topic's limit. */
  private static String incompressibleText(int chars) {
    java.util.Random random = new java.util.Random(8);
    StringBuilder b = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      b.append((char) (0x4E00 + random.nextInt(0x5000)));
    }
    return b.toString();
  }

  private static Post post(String id, String text) {
    return Post.builder().id(id).platform("weibo").site("weibo.com").text(text)
        .publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build();
  }

  /** Reads the topic from the beginning with a fresh consumer until {@code expected} records or 30 s. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      // one more poll: nothing beyond the expected records
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }
}
