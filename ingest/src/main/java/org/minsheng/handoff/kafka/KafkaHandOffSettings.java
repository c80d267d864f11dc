package org.minsheng.handoff.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.minsheng.config.Settings;

/**
 * The producer side of the Kafka hand-off, from {@code handoff.kafka.*} in {@code minsheng-ingest.yaml} (every key is
 * documented there).
 *
 * @param bootstrapServers comma-separated {@code host:port} list of brokers
 * @param topic the posts topic; records are keyed by post id
 * @param clientId producer client id (shows up in broker logs and quotas)
 * @param linger how long the producer waits to fill a batch
 * @param deliveryTimeout upper bound for a record from {@code send} to acknowledgement, retries included; a record
 *     not acknowledged by then makes {@link KafkaPostHandOff#flush()} fail
 * @param compression {@code none}, {@code gzip}, {@code lz4} or {@code zstd}
 */
public record KafkaHandOffSettings(
    String bootstrapServers,
    String topic,
    String clientId,
    Duration linger,
    Duration deliveryTimeout,
    String compression) {

  public KafkaHandOffSettings {
    requireText("handoff.kafka.bootstrapServers", bootstrapServers);
    requireText("handoff.kafka.topic", topic);
    requireText("handoff.kafka.clientId", clientId);
    Objects.requireNonNull(linger, "handoff.kafka.linger");
    if (linger.isNegative()) {
      throw new IllegalArgumentException("handoff.kafka.linger must not be negative, was " + linger);
    }
    Objects.requireNonNull(deliveryTimeout, "handoff.kafka.deliveryTimeout");
    if (deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
      throw new IllegalArgumentException("handoff.kafka.deliveryTimeout must be positive, was " + deliveryTimeout);
    }
    requireText("handoff.kafka.compression", compression);
  }

  /** Reads {@code handoff.kafka.*}. */
  public static KafkaHandOffSettings from(Settings s) {
    return new KafkaHandOffSettings(
        s.string("handoff.kafka.bootstrapServers"),
        s.string("handoff.kafka.topic"),
        s.string("handoff.kafka.clientId"),
        s.bind("handoff.kafka.linger", Duration.class),
        s.bind("handoff.kafka.deliveryTimeout", Duration.class),
        s.string("handoff.kafka.compression"));
  }

  /** A copy pointing at other brokers (tests, the demo). */
  public KafkaHandOffSettings withBootstrapServers(String servers) {
    return new KafkaHandOffSettings(servers, topic, clientId, linger, deliveryTimeout, compression);
  }

  /** A copy writing another topic. */
  public KafkaHandOffSettings withTopic(String otherTopic) {
    return new KafkaHandOffSettings(bootstrapServers, otherTopic, clientId, linger, deliveryTimeout, compression);
  }

  /** A copy with another delivery timeout. */
  public KafkaHandOffSettings withDeliveryTimeout(Duration timeout) {
    return new KafkaHandOffSettings(bootstrapServers, topic, clientId, linger, timeout, compression);
  }

  /**
   * Producer properties: idempotent ({@code enable.idempotence}), {@code acks=all} (a record counts as sent only when
   * every in-sync replica has it), at most 5 requests in flight (the most idempotence allows while keeping order per
   * partition), retries bounded only by {@code delivery.timeout.ms}.
   */
  public Properties producerProperties() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
    p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger.toMillis()));
    long delivery = deliveryTimeout.toMillis();
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(delivery));
    // the producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms
    long request = Math.max(1, Math.min(30_000, delivery - linger.toMillis()));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(request));
    // send() blocks at most this long for metadata or buffer space before failing with a clear error
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(delivery));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set");
    }
  }
}
