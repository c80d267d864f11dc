package org.minsheng.analysis.job;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.dedup.ReprintUpdate;
import org.minsheng.analysis.heat.TrendRollup;
import org.minsheng.analysis.topic.TopicUpdate;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;

/**
 * Where the job's outputs go. Posts and dead letters are required; a stage whose sink is absent (null) is not
 * declared at all, so tests of the text stages do not pay for alerting.
 *
 * @param posts every post as the text stages leave it (merged into its document)
 * @param deadLetters records that could not be processed, with their reason
 * @param alerts graded alerts (new and escalations), or null to leave the alert stage out
 * @param topics whole topic documents, or null to leave the topic stages (spam, dedup, keywords, clustering, heat) out
 * @param trends per-window roll-ups per topic, keyword and region; required with {@code topics}
 * @param postTopicFields what the topic stages add to each post (merged into its document); required with topics
 * @param reprints reprint count and sites of originals (merged into their documents); required with topics
 */
public record JobSinks(Sink<AnalyzedPost> posts, Sink<DeadLetter> deadLetters, Sink<Alert> alerts,
    Sink<TopicUpdate> topics, Sink<TrendRollup> trends, Sink<AnalyzedPost> postTopicFields,
    Sink<ReprintUpdate> reprints) {
  public JobSinks {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(deadLetters, "deadLetters");
    int topicSinks = (topics == null ? 0 : 1) + (trends == null ? 0 : 1) + (postTopicFields == null ? 0 : 1)
        + (reprints == null ? 0 : 1);
    if (topicSinks != 0 && topicSinks != 4) {
      throw new IllegalArgumentException("the topic stages need all four sinks: topics, trends, post topic fields, reprints");
    }
  }

  public static JobSinks of(Sink<AnalyzedPost> posts, Sink<DeadLetter> deadLetters) {
    return new JobSinks(posts, deadLetters, null, null, null, null, null);
  }

  public JobSinks withAlerts(Sink<Alert> alertSink) {
    return new JobSinks(posts, deadLetters, alertSink, topics, trends, postTopicFields, reprints);
  }

  public JobSinks withTopics(Sink<TopicUpdate> topicSink, Sink<TrendRollup> trendSink,
      Sink<AnalyzedPost> postTopicFieldsSink, Sink<ReprintUpdate> reprintSink) {
    return new JobSinks(posts, deadLetters, alerts, topicSink, trendSink, postTopicFieldsSink, reprintSink);
  }
}
