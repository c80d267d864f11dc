package org.minsheng.analysis.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.restore.RestoreMode;
import org.minsheng.config.Settings;
import org.minsheng.es.IndexNames;
import org.minsheng.es.LocalElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch goes away for 60 s mid-stream while posts keep arriving, then comes back on the same port with the
 * same data: the sinks retry with backoff and hold the job back (back-pressure stops the source reading), and when
 * their retry budget is spent the job fails and Flink restarts it from its last checkpoint, again and again until the
 * node answers. In the end Elasticsearch holds exactly the input — every post once, the input's dead letters and none
 * for the outage, topics and trend windows that count every post once — and the same topics, post topics and
 * keywords and trend windows as a clean run on the same input ({@link CleanRun}, run first on the same node).
 *
 * <p>A node of its own (512 MB heap), not the shared test node: this test stops and restarts it. The job runs in this
 * JVM through {@link AnalysisMain#startLocal(AnalysisConfig, RestoreMode)}, at parallelism 2, checkpoints every 500 ms.
 */
class ElasticsearchOutageITCase {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchOutageITCase.class);
  private static final int POSTS = ProcessKillRecoveryITCase.POSTS;
  private static final int CHUNK = ProcessKillRecoveryITCase.CHUNK;
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir
  Path temp;

  private Path nodeDirectory;
  private LocalElasticsearch es;

  @AfterEach
  void stopNode() throws IOException {
    if (es != null) {
      es.close();
    }
    if (nodeDirectory != null && Files.exists(nodeDirectory)) {
      try (var paths = Files.walk(nodeDirectory)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void theJobWaitsOutA60SecondOutageAndLosesOrDoublesNothing() throws Exception {
    int port = freePort();
    Path nodes = Files.createDirectories(LocalElasticsearch.defaultBaseDirectory().resolve("test-nodes"));
    nodeDirectory = Files.createTempDirectory(nodes, "outage-");
    Files.setPosixFilePermissions(nodeDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    es = node(port).start();
    Outcome.Reader reader = new Outcome.Reader(es.url(), IndexNames.DEFAULT);
    Outcome clean = CleanRun.reference(es.url(), temp);

    Path spoolDir = temp.resolve("spool");
    BoundedFeed feed = BoundedFeed.intoSpool(spoolDir);
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
            ProcessKillRecoveryITCase.env(spoolDir, temp.resolve("checkpoints"), es.url())));
    JobClient job = AnalysisMain.startLocal(config, RestoreMode.LATEST);
    try {
      await(() -> {
        long indexed = reader.countPostsOrMinusOne();
        feed.offer(indexed);
        // the first story clustered before the outage: the checkpoint the job restarts from holds learnt state
        return indexed >= POSTS * 2 / 3 && reader.countPostsWithTopicOrMinusOne() >= RecoveryPosts.PER_STORY / 2;
      }, "two thirds of the posts, the first story clustered, before the outage");

      es.close();
      es = null;
      Instant down = Instant.now();
      long beforeOutage = reader.countPostsOrMinusOne();
      LOG.info("ElasticsearchOutageITCase: Elasticsearch stopped with {} of {} posts sent", feed.sent(), POSTS);
      // posts keep arriving while the node is down; watch what the job does meanwhile
      Set<JobStatus> seen = EnumSet.noneOf(JobStatus.class);
      while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
        if (Duration.between(down, Instant.now()).toSeconds() % 5 == 0 && feed.sent() < POSTS * 9 / 10) {
          feed.sendChunk();
        }
        seen.add(job.getJobStatus().get(10, TimeUnit.SECONDS));
        Thread.sleep(1000);
      }
      LOG.info("ElasticsearchOutageITCase: job states during the {} s outage: {}; {} posts sent", OUTAGE.toSeconds(),
          seen, feed.sent());

      Instant restarting = Instant.now();
      es = node(port).start();
      Instant up = Instant.now();
      await(() -> reader.countPostsOrMinusOne() > Math.max(beforeOutage, 0), "the first posts after the outage");
      Instant processing = Instant.now();
      LOG.info("ElasticsearchOutageITCase: node restart took {} ms; node up → first new post indexed {} ms; outage"
          + " start → processing again {} ms", Duration.between(restarting, up).toMillis(),
          Duration.between(up, processing).toMillis(), Duration.between(down, processing).toMillis());

      await(() -> {
        long indexed = reader.countPostsOrMinusOne();
        feed.offer(indexed);
        return indexed == POSTS;
      }, "every post");
      feed.sendClock();
      Outcome end = settled(reader);
      LOG.info("ElasticsearchOutageITCase: after the outage: {} ({} ms after the node came back)", end,
          Duration.between(up, Instant.now()).toMillis());
      ProcessKillRecoveryITCase.assertExact(end);
      ProcessKillRecoveryITCase.assertSameAsClean(end, clean);
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      AnalysisMain.stop(job, Duration.ofSeconds(60));
    }
  }

  private LocalElasticsearch node(int port) {
    return LocalElasticsearch.builder().port(port).heap("512m").clusterName("minsheng-outage")
        .dataDirectory(nodeDirectory).build();
  }

  private static Outcome settled(Outcome.Reader reader) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Outcome last = null;
    while (System.nanoTime() < deadline) {
      Thread.sleep(2000);
      Outcome now;
      try {
        now = reader.read();
      } catch (IOException e) {
        continue;
      }
      if (now.equals(last) && ProcessKillRecoveryITCase.complete(now)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("topics and trends did not settle within " + TIMEOUT + "; last: " + last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void await(ProcessKillRecoveryITCase.Check check, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!ProcessKillRecoveryITCase.holds(check)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
