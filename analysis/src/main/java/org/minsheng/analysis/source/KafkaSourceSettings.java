package org.minsheng.analysis.source;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.minsheng.config.Settings;

/**
 * Where and how the job reads posts from Kafka: {@code handoff.kafka.*} in {@code minsheng-analysis.yaml} (each key is
 * documented there; bootstrapServers and topic use the same paths as ingest's settings, so one environment variable
 * sets both sides).
 *
 * @param bootstrapServers comma-separated {@code host:port} list of brokers
 * @param topic the posts topic written by ingest's {@code KafkaPostHandOff}
 * @param groupId consumer group; the job commits its checkpointed offsets under it (for monitoring lag, and as the
 *     starting point of a job started without a checkpoint)
 * @param startingOffsets where a job started without checkpoint or savepoint begins
 * @param partitionDiscoveryInterval how often the source looks for new partitions of the topic
 */
public record KafkaSourceSettings(
    String bootstrapServers,
    String topic,
    String groupId,
    StartingOffsets startingOffsets,
    Duration partitionDiscoveryInterval) implements Serializable {

  /** Where a job without checkpoint starts reading; a job restored from a checkpoint always uses the checkpoint. */
  public enum StartingOffsets {
    /** The group's committed offsets; partitions without any from the earliest record (nothing is skipped). */
    COMMITTED_OR_EARLIEST,
    /** The earliest retained record of every partition (re-reads the topic; post documents are idempotent). */
    EARLIEST,
    /** Only records written after the job starts. */
    LATEST;

    /** {@code committed-or-earliest} etc., case-insensitive. */
    public static StartingOffsets parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("handoff.kafka.startingOffsets must be committed-or-earliest, earliest or"
            + " latest, was '" + value + "'", e);
      }
    }
  }

  public KafkaSourceSettings {
    requireText("handoff.kafka.bootstrapServers", bootstrapServers);
    requireText("handoff.kafka.topic", topic);
    requireText("handoff.kafka.groupId", groupId);
    Objects.requireNonNull(startingOffsets, "handoff.kafka.startingOffsets");
    Objects.requireNonNull(partitionDiscoveryInterval, "handoff.kafka.partitionDiscoveryInterval");
    if (partitionDiscoveryInterval.isNegative()) {
      throw new IllegalArgumentException("handoff.kafka.partitionDiscoveryInterval must not be negative, was "
          + partitionDiscoveryInterval);
    }
  }

  /** Reads {@code handoff.kafka.*}. */
  public static KafkaSourceSettings from(Settings s) {
    return new KafkaSourceSettings(
        s.string("handoff.kafka.bootstrapServers"),
        s.string("handoff.kafka.topic"),
        s.string("handoff.kafka.groupId"),
        StartingOffsets.parse(s.string("handoff.kafka.startingOffsets")),
        s.bind("handoff.kafka.partitionDiscoveryInterval", Duration.class));
  }

  /** A copy pointing at other brokers and topic (tests, the demo). */
  public KafkaSourceSettings withBrokers(String servers, String otherTopic) {
    return new KafkaSourceSettings(servers, otherTopic, groupId, startingOffsets, partitionDiscoveryInterval);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set");
    }
  }
}
