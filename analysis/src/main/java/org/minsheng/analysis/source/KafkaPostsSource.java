package org.minsheng.analysis.source;

import java.util.Objects;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Reads the posts topic written by ingest's {@code KafkaPostHandOff} with Flink's {@link KafkaSource}: one record value
 * is one raw NDJSON line ({@link KafkaLineDeserializer}).
 *
 * <p>Exactly-once on the reading side comes from Flink, not from Kafka: the source's partition offsets are part of
 * every checkpoint and a restored job resumes from them. The offsets are additionally committed to the consumer group
 * when a checkpoint completes ({@code commit.offsets.on.checkpoint}), never on a timer ({@code enable.auto.commit}
 * off), so the group's lag tells an operator how far behind the job is, and a job started fresh (no checkpoint) with
 * {@code committed-or-earliest} continues where the last checkpoint of the previous job was. Only committed
 * transactional data is read ({@code read_committed}), in case a transactional producer ever writes the topic.
 *
 * <p>Unbounded normally; {@link #bounded} stops at the offsets that are the latest when the job starts (tests,
 * re-imports).
 */
public final class KafkaPostsSource implements PostsSource {
  private static final long serialVersionUID = 1L;

  private final KafkaSourceSettings settings;
  private final boolean bounded;

  private KafkaPostsSource(KafkaSourceSettings settings, boolean bounded) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bounded = bounded;
  }

  /** Reads the topic for as long as the job runs. */
  public static KafkaPostsSource continuous(KafkaSourceSettings settings) {
    return new KafkaPostsSource(settings, false);
  }

  /** Reads up to the offsets that are the latest when the job starts, then finishes. */
  public static KafkaPostsSource bounded(KafkaSourceSettings settings) {
    return new KafkaPostsSource(settings, true);
  }

  @Override
  public Source<RawLine, ?, ?> rawLines() {
    KafkaSourceBuilder<RawLine> builder = KafkaSource.<RawLine>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setTopics(settings.topic())
        .setGroupId(settings.groupId())
        .setClientIdPrefix(settings.groupId())
        .setStartingOffsets(startingOffsets(settings.startingOffsets()))
        .setDeserializer(new KafkaLineDeserializer())
        .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "true")
        .setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest()); // also switches partition discovery off
    } else {
      builder.setProperty(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(),
          Long.toString(settings.partitionDiscoveryInterval().toMillis()));
    }
    return builder.build();
  }

  @SuppressWarnings("deprecation") // the connector's API still takes Kafka's deprecated OffsetResetStrategy
  static OffsetsInitializer startingOffsets(KafkaSourceSettings.StartingOffsets which) {
    switch (which) {
      case COMMITTED_OR_EARLIEST:
        return OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
      case EARLIEST:
        return OffsetsInitializer.earliest();
      case LATEST:
        return OffsetsInitializer.latest();
      default:
        throw new IllegalArgumentException("unknown starting offsets " + which);
    }
  }

  @Override
  public String description() {
    return "kafka:" + settings.topic();
  }

  public KafkaSourceSettings settings() {
    return settings;
  }

  public boolean isBounded() {
    return bounded;
  }
}
