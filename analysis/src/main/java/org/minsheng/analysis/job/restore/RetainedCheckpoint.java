package org.minsheng.analysis.job.restore;

import java.time.Instant;
import java.util.Objects;

/**
 * A complete checkpoint retained on disk: {@code <checkpoint directory>/<job id>/chk-<number>/_metadata}.
 *
 * @param pointer the checkpoint's directory as a Flink path string (what {@code execution.state-recovery.path} takes)
 * @param jobId the id of the job that wrote it (its sub-directory's name)
 * @param number the checkpoint number
 * @param completedAt when its {@code _metadata} file was written
 */
public record RetainedCheckpoint(String pointer, String jobId, long number, Instant completedAt) {
  public RetainedCheckpoint {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(completedAt, "completedAt");
  }

  @Override
  public String toString() {
    return "checkpoint " + number + " of job " + jobId + " (" + completedAt + ", " + pointer + ")";
  }
}
