package org.minsheng.analysis.topic;

import java.io.Serializable;
import java.time.Duration;
import org.minsheng.analysis.dedup.DedupSettings;
import org.minsheng.analysis.heat.HeatSettings;
import org.minsheng.config.Settings;

/**
 * All settings of the reprint, spam, keyword, topic and heat stages: the {@code topics} subtree of the analysis
 * settings. Documented defaults: {@code minsheng-analysis.yaml} (to be folded into {@code minsheng-analysis.yaml}).
 *
 * @param spamThreshold spam score from which a post is spam
 * @param keywordsPerPost keywords stored per post
 * @param keywordsPerTopic keywords stored per topic
 * @param flushSeconds event-time interval at which changed topics are written
 * @param dedup duplicate detection
 * @param cluster clustering
 * @param heat heat index and trend windows
 */
public record TopicSettings(double spamThreshold, int keywordsPerPost, int keywordsPerTopic, double flushSeconds,
    DedupSettings dedup, ClusterSettings cluster, HeatSettings heat) implements Serializable {

  public static final String DEFAULTS_RESOURCE = "minsheng-analysis.yaml";

  /** The {@code topics} subtree of already loaded settings (e.g. {@code minsheng-analysis.yaml}). */
  public static TopicSettings from(Settings settings) {
    return settings.bind("topics", TopicSettings.class);
  }

  /** Our own defaults file alone (tests, evaluation). */
  public static TopicSettings fromDefaultsFile() {
    return from(Settings.load(DEFAULTS_RESOURCE, null, java.util.Map.of()));
  }

  public Duration flushInterval() {
    return Duration.ofMillis((long) (flushSeconds * 1000));
  }
}
