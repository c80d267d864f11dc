package org.minsheng.analysis.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.Environments;
import org.minsheng.config.Settings;
import org.minsheng.es.testing.SharedElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager is lost mid-stream, after the clustering operator has learnt the first story: Flink restarts the job
 * from its last completed checkpoint on a new TaskManager, and Elasticsearch ends with exactly the input (every post
 * and dead letter once) and the same topics, post topics and keywords, trend windows and alerts as a clean run on the
 * same input ({@link CleanRun}). The same input, settings and checks as {@link ProcessKillRecoveryITCase}; the
 * difference is what fails: here the TaskManager inside a MiniCluster (its slots, tasks and network stack go away at
 * once) and the job manager restarts the job, there the whole process and a new one resumes from the retained
 * checkpoint. (kill -9 of a separate TaskManager process is {@code ClusterRecoveryITCase} in deploy/local.) The
 * MiniCluster is made here, not by Flink's JUnit extension, whose test context would not let {@link CleanRun} start
 * its own local job.
 */
class TaskManagerLossRecoveryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerLossRecoveryITCase.class);
  private static final int POSTS = ProcessKillRecoveryITCase.POSTS;
  private static final int CHUNK = ProcessKillRecoveryITCase.CHUNK;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @Test
  void aTaskManagerLostAfterTheFirstStoryChangesNothing() throws Exception {
    Outcome.Reader es = new Outcome.Reader(ES.url(), ES.names());
    ES.reset();
    Outcome clean = CleanRun.reference(ES.url(), temp);
    ES.reset();
    Path spoolDir = temp.resolve("spool");
    Path checkpoints = temp.resolve("checkpoints");
    BoundedFeed feed = BoundedFeed.intoSpool(spoolDir);

    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        ProcessKillRecoveryITCase.env(spoolDir, checkpoints, ES.url())));
    Configuration conf = Environments.configuration(config);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
        .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
      cluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(2);
      AnalysisMain.job(config).build(env);
      JobID job = cluster.submitJob(env.getStreamGraph().getJobGraph()).get(60, TimeUnit.SECONDS).getJobID();
      run(cluster, job, es, feed, checkpoints, clean);
    }
  }

  private static void run(MiniCluster cluster, JobID job, Outcome.Reader es, BoundedFeed feed, Path checkpoints,
      Outcome clean) throws Exception {
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        long indexed = es.countPostsOrMinusOne();
        if (ProcessKillRecoveryITCase.midStream(es, indexed, checkpoints)) {
          break;
        }
        feed.offer(indexed);
        assertThat(System.nanoTime()).as("the job reaches two thirds of the posts").isLessThan(deadline);
        Thread.sleep(100);
      }
      long atLoss = es.countPosts();
      Instant loss = Instant.now();
      cluster.terminateTaskManager(0).get(60, TimeUnit.SECONDS);
      LOG.info("TaskManagerLossRecoveryITCase: TaskManager terminated with {} of {} posts sent, {} indexed", feed.sent(),
          POSTS, atLoss);
      // the crawler carries on while the job has no TaskManager
      feed.sendChunk();
      cluster.startTaskManager();
      long restartDeadline = System.nanoTime() + TIMEOUT.toNanos();
      while (es.countPostsOrMinusOne() <= atLoss) {
        assertThat(System.nanoTime()).as("new posts indexed after the TaskManager loss").isLessThan(restartDeadline);
        Thread.sleep(100);
      }
      LOG.info("TaskManagerLossRecoveryITCase: TaskManager lost → more posts indexed than at the loss: {} ms (may be a"
          + " bulk that was in flight)",
          Duration.between(loss, Instant.now()).toMillis());
      while (true) {
        long indexed = es.countPostsOrMinusOne();
        if (indexed == POSTS) {
          break;
        }
        feed.offer(indexed);
        assertThat(System.nanoTime()).as("every post indexed after the restart").isLessThan(restartDeadline);
        Thread.sleep(200);
      }
      feed.sendClock();
      Outcome end = ProcessKillRecoveryITCase.awaitSettled(es, TIMEOUT, () -> "job " + job);
      LOG.info("TaskManagerLossRecoveryITCase: after the loss: {}", end);
      assertThat(cluster.getJobStatus(job).get()).isEqualTo(JobStatus.RUNNING);
      ProcessKillRecoveryITCase.assertExact(end);
      ProcessKillRecoveryITCase.assertSameAsClean(end, clean);
    } finally {
      cluster.cancelJob(job).get(60, TimeUnit.SECONDS);
    }
  }
}
