package org.minsheng.analysis.recovery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.core.execution.JobClient;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.restore.RestoreMode;
import org.minsheng.config.Settings;
import org.minsheng.es.IndexNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference the recovery tests compare with: the same job, settings and input ({@link RecoveryPosts} through a
 * {@link BoundedFeed}, then the clock posts) run once without any failure, in this JVM ({@link
 * AnalysisMain#startLocal(AnalysisConfig, RestoreMode)}, parallelism 2, checkpoints every 500 ms, its own spool and
 * checkpoint directory), read back from Elasticsearch, then its indices deleted so that the test's own run starts
 * from an empty node. Computed once per test JVM (about a minute on the shared 2-core machine) and shared by the
 * recovery test classes: the outcome depends on the input and the job only, not on the node.
 */
final class CleanRun {
  private static final Logger LOG = LoggerFactory.getLogger(CleanRun.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static Outcome reference;

  private CleanRun() {}

  /**
   * The clean run's outcome, running it on the node at {@code elasticsearchUrl} the first time (the node's
   * {@code minsheng-*} indices are deleted afterwards); {@code work} is a directory for its spool and checkpoints.
   */
  static synchronized Outcome reference(String elasticsearchUrl, Path work) throws Exception {
    if (reference != null) {
      return reference;
    }
    Instant started = Instant.now();
    Outcome.Reader es = new Outcome.Reader(elasticsearchUrl, IndexNames.DEFAULT);
    es.deleteIndices();
    Path spoolDir = work.resolve("clean-spool");
    BoundedFeed feed = BoundedFeed.intoSpool(spoolDir);
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        ProcessKillRecoveryITCase.env(spoolDir, work.resolve("clean-checkpoints"), elasticsearchUrl)));
    JobClient job = AnalysisMain.startLocal(config, RestoreMode.NONE);
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        long indexed = es.countPostsOrMinusOne();
        if (indexed == ProcessKillRecoveryITCase.POSTS) {
          break;
        }
        feed.offer(indexed);
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the clean run did not index every post within " + TIMEOUT + ": " + indexed);
        }
        Thread.sleep(200);
      }
      feed.sendClock();
      Outcome clean = ProcessKillRecoveryITCase.awaitSettled(es, TIMEOUT, () -> "the clean run");
      ProcessKillRecoveryITCase.assertExact(clean);
      LOG.info("CleanRun: reference outcome in {} ms: {}", Duration.between(started, Instant.now()).toMillis(), clean);
      reference = clean;
    } finally {
      AnalysisMain.stop(job, Duration.ofSeconds(60));
    }
    es.deleteIndices();
    return reference;
  }
}
