package org.minsheng.analysis.job;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.nlp.SentimentModelFactory;
import org.minsheng.analysis.source.KafkaSourceSettings;
import org.minsheng.analysis.topic.TopicSettings;
import org.minsheng.config.Settings;

/**
 * The analysis module's settings, read from {@code minsheng-analysis.yaml} (layered by {@link Settings}). Every field
 * is documented in that file.
 */
public record AnalysisConfig(
    String handoffType,
    String spoolDirectory,
    Duration discoveryInterval,
    String elasticsearchUrl,
    int parallelism,
    String checkpointDirectory,
    JobSettings job,
    KafkaSourceSettings kafka) {

  public static final String DEFAULTS = "minsheng-analysis.yaml";

  public AnalysisConfig {
    Objects.requireNonNull(handoffType, "handoffType");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
    Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(kafka, "kafka");
    if (parallelism < 1) {
      throw new IllegalArgumentException("analysis.parallelism must be >= 1, was " + parallelism);
    }
    if (discoveryInterval == null || discoveryInterval.isNegative() || discoveryInterval.isZero()) {
      throw new IllegalArgumentException("handoff.spool.discoveryInterval must be positive, was " + discoveryInterval);
    }
  }

  /** Defaults and environment only. */
  public static AnalysisConfig load() {
    return from(Settings.load(DEFAULTS));
  }

  public static AnalysisConfig from(Settings s) {
    JobSettings job = new JobSettings(
        s.bind("analysis.checkpoint.interval", Duration.class),
        s.bind("analysis.eventTime.maxOutOfOrderness", Duration.class),
        s.bind("analysis.eventTime.idleness", Duration.class),
        Arrays.asList(s.bind("analysis.segment.customWords", String[].class)),
        new SentimentModelFactory(s.string("analysis.sentiment.model"), s.string("analysis.sentiment.location")),
        s.bind("analysis.emotion.enabled", Boolean.class),
        TopicSettings.from(s),
        s.bind("alerts", AlertSettings.class));
    return new AnalysisConfig(
        s.string("handoff.type"),
        s.string("handoff.spool.directory"),
        s.bind("handoff.spool.discoveryInterval", Duration.class),
        s.string("elasticsearch.url"),
        s.integer("analysis.parallelism"),
        s.string("analysis.checkpoint.directory"),
        job,
        KafkaSourceSettings.from(s));
  }

  /** A copy reading another spool directory (tests, the demo). */
  public AnalysisConfig withSpoolDirectory(String directory) {
    return new AnalysisConfig(handoffType, directory, discoveryInterval, elasticsearchUrl, parallelism,
        checkpointDirectory, job, kafka);
  }

  /** A copy writing to another Elasticsearch (tests, the demo). */
  public AnalysisConfig withElasticsearchUrl(String url) {
    return new AnalysisConfig(handoffType, spoolDirectory, discoveryInterval, url, parallelism, checkpointDirectory, job,
        kafka);
  }

  /** A copy with other checkpointing (tests, the demo). */
  public AnalysisConfig withCheckpoints(String directory, Duration interval) {
    JobSettings j = new JobSettings(interval, job.maxOutOfOrderness(), job.idleness(), job.customWords(), job.sentiment(),
        job.emotion(), job.topics(), job.alerts());
    return new AnalysisConfig(handoffType, spoolDirectory, discoveryInterval, elasticsearchUrl, parallelism, directory, j,
        kafka);
  }

  public List<String> customWords() {
    return job.customWords();
  }
}
