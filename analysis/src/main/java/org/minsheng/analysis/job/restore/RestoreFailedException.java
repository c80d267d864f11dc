package org.minsheng.analysis.job.restore;

/**
 * A locally started job could not resume from its retained checkpoint. The message says why and what to do; the job is
 * never started from nothing behind the operator's back.
 */
public final class RestoreFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public RestoreFailedException(RetainedCheckpoint from, Throwable cause) {
    super(message(from, cause), cause);
  }

  static String message(RetainedCheckpoint from, Throwable cause) {
    String reason = rootMessage(cause);
    boolean topology = reason.contains("Cannot map checkpoint/savepoint state")
        || reason.contains("is not available in the new program") || reason.contains("allowNonRestoredState");
    StringBuilder sb = new StringBuilder("The analysis job could not resume from ").append(from).append(": ")
        .append(reason).append(". ");
    if (topology) {
      sb.append("The job's stateful operators changed since that checkpoint was taken (a stage was removed or its uid"
          + " renamed), so its state has no home in the new job. ");
    }
    sb.append("Nothing was started. To start from nothing instead, run `./minsheng demo --fresh` (deletes the demo's"
        + " spool, crawl state and checkpoints) or set analysis.checkpoint.restore: none"
        + " (MINSHENG_ANALYSIS_CHECKPOINT_RESTORE=none), which keeps the spool: its files are read again and their posts"
        + " re-written in place, but topics, trends and alert windows start empty. To keep the old state, run the"
        + " version that wrote the checkpoint and stop it with a savepoint first.");
    return sb.toString();
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String first = c.getMessage() == null ? "" : c.getMessage().strip().lines().findFirst().orElse("");
      if (!first.isEmpty() && all.indexOf(first) < 0) {
        if (all.length() > 0) {
          all.append(" ← ");
        }
        all.append(first);
      }
    }
    return all.length() == 0 ? String.valueOf(t) : all.toString();
  }
}
