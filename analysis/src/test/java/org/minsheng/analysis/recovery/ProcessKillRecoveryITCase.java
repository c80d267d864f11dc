package org.minsheng.analysis.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.restore.RetainedCheckpoint;
import org.minsheng.analysis.job.restore.RetainedCheckpoints;
import org.minsheng.es.testing.SharedElasticsearch;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local job process is killed with SIGKILL mid-stream and started again on the same spool and checkpoint
 * directory: it resumes from the newest retained checkpoint ({@code analysis.checkpoint.restore: latest}, the
 * default), and Elasticsearch ends with exactly the input — every post once (none lost, none doubled) with its topic
 * fields, the input's dead letters once, topics holding every post once, topic and region trend windows counting every
 * original post once (checked against the post documents: see {@link #assertExact}), and topics and trends equal to a
 * clean run's on the same input ({@link CleanRun}, {@link #assertSameAsClean}): the same topics with the same post and
 * reprint counts, every post in the same topic with the same keywords, every topic, region and keyword trend window
 * with the same volume. That holds because the topic stages are deterministic: what they learn from the stream
 * (document frequencies, topics) is learnt in event-time order in the clustering operator and is in its checkpointed
 * state (docs/TOPICS.md, "State and determinism").
 *
 * <p>The job runs as {@code ./minsheng demo} runs it ({@code AnalysisMain.startLocal}, settings from the environment) in
 * a separate JVM ({@link JobProcess}), at parallelism 2, with checkpoints every 500 ms; the posts arrive through {@link
 * SpoolDirectoryWriter} while the job runs ({@link BoundedFeed}), and two more files while it is dead.
 */
class ProcessKillRecoveryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessKillRecoveryITCase.class);
  static final int POSTS = 4 * RecoveryPosts.PER_STORY;
  static final int CHUNK = 50;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @Test
  void aKilledJobProcessResumesFromItsCheckpointAndLosesOrDoublesNothing() throws Exception {
    Outcome.Reader es = new Outcome.Reader(ES.url(), ES.names());
    ES.reset();
    Outcome clean = CleanRun.reference(ES.url(), temp);
    ES.reset();
    Path spoolDir = temp.resolve("spool");
    Path checkpoints = temp.resolve("checkpoints");
    BoundedFeed feed = BoundedFeed.intoSpool(spoolDir);
    long atKill;
    Instant kill;
    RetainedCheckpoint before;
    try (JobProcess first = JobProcess.start(env(spoolDir, checkpoints), temp.resolve("job-1.log"))) {
      first.awaitRunning(TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      // feed until two thirds of the posts are indexed, the first story is clustered (the clustering operator has
      // learnt document frequencies and topics: the watermark trails the newest post by the 3 h allowance) and a
      // checkpoint is complete: then kill, mid-stream
      while (true) {
        long indexed = es.countPostsOrMinusOne();
        if (midStream(es, indexed, checkpoints)) {
          break;
        }
        feed.offer(indexed);
        assertThat(System.nanoTime()).as("first run reaches two thirds of the posts; log:\n" + first.tail(30))
            .isLessThan(deadline);
        Thread.sleep(100);
      }
      kill = Instant.now();
      first.killHard();
      await(() -> es.countPosts() >= 0, TIMEOUT, "a post count", first);
      atKill = es.countPosts();
      before = new RetainedCheckpoints(checkpoints.toString()).latest().orElseThrow();
      LOG.info("ProcessKillRecoveryITCase: killed the job process (pid {}) with {} of {} posts sent, {} indexed; newest"
          + " retained: {}", first.pid(), feed.sent(), POSTS, atKill, before);
    }
    assertThat(atKill).isLessThan(POSTS);
    // the crawler carries on while the job is down
    feed.sendChunk();
    feed.sendChunk();

    Instant restarted = Instant.now();
    try (JobProcess second = JobProcess.start(env(spoolDir, checkpoints), temp.resolve("job-2.log"))) {
      Instant running = second.awaitRunning(TIMEOUT);
      assertThat(second.logText()).contains("resuming from " + before);
      await(() -> es.countPosts() > atKill, TIMEOUT, "new posts indexed after the restart", second);
      Instant processing = Instant.now();
      LOG.info("ProcessKillRecoveryITCase: failover: kill → new process started {} ms, → job restored and running {} ms"
          + " (process start → running {} ms), → first new post indexed {} ms", Duration.between(kill, restarted)
          .toMillis(), Duration.between(kill, running).toMillis(), Duration.between(restarted, running).toMillis(),
          Duration.between(kill, processing).toMillis());
      await(() -> {
        long indexed = es.countPosts();
        feed.offer(indexed);
        return indexed == POSTS;
      }, TIMEOUT, "every post", second);
      feed.sendClock();
      Outcome end = awaitSettled(es, second);
      LOG.info("ProcessKillRecoveryITCase: after kill and restart: {} (settled {} ms after the kill)", end,
          Duration.between(kill, Instant.now()).toMillis());
      assertExact(end);
      assertSameAsClean(end, clean);
    }
  }

  /**
   * Where the recovery tests make their failure: two thirds of the posts indexed, the first story clustered (the
   * clustering operator has learnt document frequencies and topics) and a checkpoint complete.
   */
  static boolean midStream(Outcome.Reader es, long indexed, Path checkpoints) throws java.io.IOException {
    return indexed >= POSTS * 2 / 3 && es.countPostsWithTopicOrMinusOne() >= RecoveryPosts.PER_STORY / 2
        && new RetainedCheckpoints(checkpoints.toString()).latest().isPresent();
  }

  /** The same topics, post topics and keywords, and trend windows as the clean run on the same input. */
  static void assertSameAsClean(Outcome end, Outcome clean) {
    assertThat(end.differencesFrom(clean, 8)).as("topics and trends against a clean run on the same input (" + clean
        + ")").isEmpty();
  }

  /**
   * Exactly the input: every post once, with its topic-stage fields; every dead letter once; topics that hold every post
   * once; topic and region trend windows that count every original post (trend volumes leave reprints out) once, as the
   * post documents themselves say.
   */
  static void assertExact(Outcome end) {
    assertThat(end.posts()).as("the test's posts in Elasticsearch").isEqualTo(POSTS);
    assertThat(end.deadLetters()).as("dead letters").isEqualTo(RecoveryPosts.invalidIn(POSTS));
    assertThat(end.postsWithTopic()).as("posts with their topic-stage fields").isEqualTo(POSTS);
    assertThat(end.topicPostSum()).as("posts and reprints counted in topics").isEqualTo(POSTS);
    assertThat(end.topicOriginalSum()).as("original posts counted in topics").isEqualTo(end.originals());
    assertThat(end.topicTrendVolume()).as("original posts counted in topic trend windows").isEqualTo(end.originals());
    assertThat(end.regionWindows()).as("region trend windows").isEqualTo(end.regionWindowsOfPosts());
  }

  /** True when the topic and trend documents agree with the posts (they follow the clock posts' watermark). */
  static boolean complete(Outcome o) {
    return o.posts() == POSTS && o.postsWithTopic() == POSTS && o.topicPostSum() == POSTS
        && o.topicTrendVolume() == o.originals() && o.regionWindows().equals(o.regionWindowsOfPosts());
  }

  /** Waits until the topic and trend documents stop changing (they follow the clock posts' watermark). */
  static Outcome awaitSettled(Outcome.Reader es, JobProcess job) throws Exception {
    return awaitSettled(es, TIMEOUT, () -> {
      try {
        return "end of the job's log:\n" + job.tail(40);
      } catch (java.io.IOException e) {
        return "the job's log cannot be read: " + e;
      }
    });
  }

  /** Waits until the topic and trend documents stop changing; {@code context} says more on a time-out. */
  static Outcome awaitSettled(Outcome.Reader es, Duration timeout, Supplier<String> context) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Outcome last = null;
    while (System.nanoTime() < deadline) {
      Thread.sleep(2000);
      Outcome now;
      try {
        now = es.read();
      } catch (java.io.IOException e) {
        continue;
      }
      // the clock posts themselves stay pending (the watermark trails them by the out-of-orderness allowance)
      if (now.equals(last) && complete(now)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("topics and trends did not settle within " + timeout + "; last: " + last + "; "
        + context.get());
  }

  static Map<String, String> env(Path spool, Path checkpoints) {
    return env(spool, checkpoints, ES.url());
  }

  /** The job's settings as environment variables, as a deployment would set them. */
  static Map<String, String> env(Path spool, Path checkpoints, String elasticsearchUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("MINSHENG_HANDOFF_SPOOL_DIRECTORY", spool.toString());
    env.put("MINSHENG_HANDOFF_SPOOL_DISCOVERYINTERVAL", "PT0.2S");
    env.put("MINSHENG_ELASTICSEARCH_URL", elasticsearchUrl);
    env.put("MINSHENG_ANALYSIS_CHECKPOINT_DIRECTORY", checkpoints.toString());
    env.put("MINSHENG_ANALYSIS_CHECKPOINT_INTERVAL", "PT0.5S");
    // must cover the event-time span of the files the job reads at once: the file source takes a backlog of files in
    // no particular order, and a post older than the watermark is dropped from trend windows. BoundedFeed keeps the
    // backlog at 3 files (7.5 min) while the job runs; after a restart it is every file since the checkpoint, and in
    // the outage test every file sent meanwhile (up to 2 h of event time across a story boundary)
    env.put("MINSHENG_ANALYSIS_EVENTTIME_MAXOUTOFORDERNESS", "PT3H");
    // a source subtask that gets no file for 5 s stops holding the watermark (the end of the input)
    env.put("MINSHENG_ANALYSIS_EVENTTIME_IDLENESS", "PT5S");
    return env;
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  static void await(Check check, Duration timeout, String what, JobProcess job) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(check)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; end of the job's log:\n"
            + job.tail(40));
      }
      Thread.sleep(200);
    }
  }

  /** False while Elasticsearch answers with an error (an index being created has no active shard yet). */
  static boolean holds(Check check) throws Exception {
    try {
      return check.holds();
    } catch (java.io.IOException e) {
      LOG.debug("not yet: {}", e.getMessage());
      return false;
    }
  }
}
