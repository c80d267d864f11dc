package org.minsheng.analysis.job;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.nlp.SentimentModelFactory;
import org.minsheng.analysis.topic.TopicSettings;

/**
 * What {@link MinshengJob} needs to declare its topology, independent of where the settings came from (see
 * {@code minsheng-analysis.yaml} for each one's meaning and default).
 *
 * @param checkpointInterval time between exactly-once checkpoints
 * @param maxOutOfOrderness how late (in event time, by {@code publishedAt}) a post may arrive behind the newest one
 *     seen before the watermark passes it
 * @param idleness after this long without posts a source split stops holding the watermark back
 * @param customWords extra segmenter dictionary words ({@code "word"} or {@code "word nature"})
 * @param sentiment which sentiment model the sentiment stage creates
 * @param emotion whether the sentiment stage also classifies emotion
 * @param topics reprints, spam, keywords, topic clustering and heat ({@code topics} in minsheng-analysis.yaml)
 * @param alerts the alert rules, levels and hygiene ({@code minsheng-analysis.yaml}, key {@code alerts})
 */
public record JobSettings(
    Duration checkpointInterval,
    Duration maxOutOfOrderness,
    Duration idleness,
    List<String> customWords,
    SentimentModelFactory sentiment,
    boolean emotion,
    TopicSettings topics,
    AlertSettings alerts) implements Serializable {

  public JobSettings {
    requirePositive("checkpointInterval", checkpointInterval);
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("maxOutOfOrderness must not be negative, was " + maxOutOfOrderness);
    }
    requirePositive("idleness", idleness);
    customWords = List.copyOf(customWords);
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(alerts, "alerts");
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
