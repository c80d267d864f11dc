package org.minsheng.analysis.job;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;

/**
 * Where the job's outputs go. Posts and dead letters are required; a stage whose sink is absent (null) is not
 * declared at all, so tests of the text stages do not pay for alerting.
 *
 * @param posts every analysed post
 * @param deadLetters records that could not be processed, with their reason
 * @param alerts graded alerts (new and escalations), or null to leave the alert stage out
 */
public record JobSinks(Sink<AnalyzedPost> posts, Sink<DeadLetter> deadLetters, Sink<Alert> alerts) {
  public JobSinks {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }

  public static JobSinks of(Sink<AnalyzedPost> posts, Sink<DeadLetter> deadLetters) {
    return new JobSinks(posts, deadLetters, null);
  }

  public JobSinks withAlerts(Sink<Alert> alertSink) {
    return new JobSinks(posts, deadLetters, alertSink);
  }
}
