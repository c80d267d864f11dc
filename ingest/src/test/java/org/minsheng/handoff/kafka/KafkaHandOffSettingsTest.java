package org.minsheng.handoff.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.minsheng.config.Settings;

class KafkaHandOffSettingsTest {

  @Test
  void defaultsFileDocumentsEveryKafkaSetting() {
    KafkaHandOffSettings s = KafkaHandOffSettings.from(Settings.load("minsheng-ingest.yaml", null, Map.of()));
    assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(s.topic()).isEqualTo("minsheng-posts");
    assertThat(s.clientId()).isEqualTo("minsheng-ingest");
    assertThat(s.linger()).isEqualTo(Duration.ofMillis(20));
    assertThat(s.deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.compression()).isEqualTo("lz4");
  }

  @Test
  void environmentOverridesTheBrokers() {
    KafkaHandOffSettings s = KafkaHandOffSettings.from(Settings.load("minsheng-ingest.yaml", null,
        Map.of("MINSHENG_HANDOFF_KAFKA_BOOTSTRAPSERVERS", "kafka-0:9092,kafka-1:9092")));
    assertThat(s.bootstrapServers()).isEqualTo("kafka-0:9092,kafka-1:9092");
  }

  @Test
  void producerIsIdempotentWithAcksAllAndConsistentTimeouts() {
    Properties p = new KafkaHandOffSettings("b:9092", "t", "c", Duration.ofMillis(20), Duration.ofSeconds(10), "lz4")
        .producerProperties();
    assertThat(p.getProperty("enable.idempotence")).isEqualTo("true");
    assertThat(p.getProperty("acks")).isEqualTo("all");
    assertThat(Integer.parseInt(p.getProperty("max.in.flight.requests.per.connection"))).isBetween(1, 5);
    assertThat(p.getProperty("delivery.timeout.ms")).isEqualTo("10000");
    long linger = Long.parseLong(p.getProperty("linger.ms"));
    long request = Long.parseLong(p.getProperty("request.timeout.ms"));
    // KafkaProducer refuses delivery.timeout.ms < linger.ms + request.timeout.ms
    assertThat(linger + request).isLessThanOrEqualTo(10_000);
    assertThat(p.getProperty("compression.type")).isEqualTo("lz4");
  }

  @Test
  void missingOrNonsensicalValuesAreClearErrors() {
    assertThatThrownBy(() -> new KafkaHandOffSettings(" ", "t", "c", Duration.ZERO, Duration.ofSeconds(1), "none"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handoff.kafka.bootstrapServers");
    assertThatThrownBy(() -> new KafkaHandOffSettings("b:1", "t", "c", Duration.ZERO, Duration.ZERO, "none"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handoff.kafka.deliveryTimeout");
    assertThatThrownBy(() -> new KafkaHandOffSettings("b:1", "t", "c", Duration.ofMillis(-1), Duration.ofSeconds(1),
        "none")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handoff.kafka.linger");
  }
}
