package org.minsheng.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.source.SpoolDirectorySource;
import org.minsheng.config.Settings;
import org.minsheng.es.testing.SharedElasticsearch;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the TaskManager process mid-stream on a real local cluster (a JobManager and a TaskManager with 2 slots
 * as separate JVMs, started as {@code ./minsheng cluster start} starts them), with the spool hand-off and the real
 * Elasticsearch sinks: the JobManager notices the loss, the fixed-delay restart strategy redeploys the job from its
 * last completed checkpoint onto a new TaskManager process, and Elasticsearch ends with exactly the input's distinct
 * posts (none lost, none doubled) and the expected dead letters. Logs the failover time.
 */
class ClusterRecoveryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRecoveryITCase.class);
  private static final int BEFORE_KILL = 5_000;
  private static final int AFTER_KILL = 2_000;
  private static final int POSTS = BEFORE_KILL + AFTER_KILL;
  /** One post that is not a post (empty text) every 2,500: 3 dead letters, plus 2 malformed raw lines. */
  private static final int BAD_EVERY = 2_500;
  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final String REAL = "{\"prefix\":{\"id\":\"r:\"}}";
  private static final String AFTER = "{\"prefix\":{\"id\":\"r:b:\"}}";
  private static final Instant BASE = Instant.parse("2026-03-01T10:00:00Z");

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @Test
  void aKilledTaskManagerProcessLosesAndDoublesNothing() throws Exception {
    ES.reset();
    String postsIndex = ES.names().postsAlias();
    String deadIndex = ES.names().deadLetters();
    Path spool = Files.createDirectories(temp.resolve("spool"));
    int bad = writePosts(spool, "a", 0, BEFORE_KILL);
    publishRaw(spool, "posts-20260301T100000Z-raw-0.ndjson", "not json at all\n{\"id\":\"broken:1\",\"text\":\n");

    ClusterSpec spec = ClusterSpec.defaults(temp.resolve("cluster"), JvmLaunchers.ofBuild(Path.of("target")))
        .withPorts(freePort(), freePort())
        .withTaskManagers(1, 2);
    LocalFlinkCluster cluster = LocalFlinkCluster.start(spec).stopOnJvmExit();
    String id = null;
    try {
      // no out-of-orderness allowance: event time does not hold anything back
      AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
              Map.of("MINSHENG_ANALYSIS_EVENTTIME_MAXOUTOFORDERNESS", "PT0S")))
          .withSpoolDirectory(spool.toString())
          .withElasticsearchUrl(ES.url())
          .withCheckpoints(spec.checkpointDirectory().toString(), Duration.ofMillis(500));
      JobID job = new ClusterJobSubmitter("127.0.0.1", spec.restPort()).submit(
          AnalysisMain.job(config, SpoolDirectorySource.continuous(spool.toString(), Duration.ofMillis(200)),
              ES.settings(), ES.names()),
          ClusterJobSubmitter.jobConfiguration(config, 10, Duration.ofMillis(500)), 2);
      id = job.toHexString();
      FlinkRest rest = cluster.rest();
      String jobId = id;

      await(() -> completedCheckpoints(rest, jobId) > 0 && ES.count(postsIndex, REAL) > 500,
          "a completed checkpoint and the first documents");
      long before = ES.count(postsIndex, REAL);
      assertThat(before).as("still mid-stream when the TaskManager dies").isLessThan(BEFORE_KILL);
      FlinkProcess doomed = cluster.taskManagers().get(0);
      long checkpointsBefore = completedCheckpoints(rest, jobId);
      Instant kill = Instant.now();
      doomed.kill();
      LOG.info("ClusterRecoveryITCase: kill -9 of {} with {} of {} posts indexed, {} checkpoints completed", doomed,
          before, POSTS, checkpointsBefore);
      bad += writePosts(spool, "b", BEFORE_KILL, POSTS);

      FlinkProcess replacement = cluster.startTaskManager();
      Instant registered = Instant.now();
      await(() -> running(rest, jobId), "every task RUNNING again");
      Instant running = Instant.now();
      // replayed posts overwrite their documents: the count grows only with posts that were not indexed at the kill
      await(() -> ES.count(postsIndex, REAL) > before, "posts not indexed at the kill indexed");
      Instant processing = Instant.now();
      await(() -> ES.count(postsIndex, AFTER) > 0, "posts written after the kill indexed");
      Instant newPosts = Instant.now();
      LOG.info("ClusterRecoveryITCase: failover after kill -9 of the TaskManager: new TaskManager {} registered after"
              + " {} ms, job RUNNING on it after {} ms, processing again (a post not indexed at the kill indexed)"
              + " after {} ms, first post written after the kill indexed after {} ms", replacement,
          Duration.between(kill, registered).toMillis(), Duration.between(kill, running).toMillis(),
          Duration.between(kill, processing).toMillis(), Duration.between(kill, newPosts).toMillis());

      int expectedDead = bad + 2;
      await(() -> ES.count(postsIndex, REAL) >= POSTS && ES.count(deadIndex) >= expectedDead,
          "every post and dead letter");
      assertThat(rest.job(jobId).path("state").asText()).isEqualTo("RUNNING");
      assertThat(completedCheckpoints(rest, jobId)).isGreaterThan(checkpointsBefore);
      assertThat(doomed.isAlive()).isFalse();

      assertThat(ES.count(postsIndex, REAL)).isEqualTo(POSTS);
      assertThat(indexedIds(postsIndex)).isEqualTo(expectedIds());
      assertThat(ES.count(deadIndex)).isEqualTo(expectedDead);
      assertThat(ES.count(deadIndex, "{\"term\":{\"reason.keyword\":\"invalid post bad:a:2500: missing text\"}}"))
          .isEqualTo(1);
      assertThat(ES.count(deadIndex, "{\"term\":{\"reason.keyword\":\"invalid post bad:b:5000: missing text\"}}"))
          .isEqualTo(1);
      assertThat(ES.count(deadIndex, "{\"prefix\":{\"reason.keyword\":\"malformed JSON: \"}}")).isEqualTo(2);
    } finally {
      cluster.close();
    }
    // stop leaves no process behind
    assertThat(cluster.jobManager().orElseThrow().isAlive()).isFalse();
    assertThat(cluster.taskManagers()).hasSize(2).noneMatch(FlinkProcess::isAlive);
    assertThat(LocalFlinkCluster.attach(spec).isRunning()).isFalse();
    // the cancelled job's checkpoints are retained (RETAIN_ON_CANCELLATION): a later submit can resume from them
    try (Stream<Path> retained = Files.list(spec.checkpointDirectory().resolve(id))) {
      assertThat(retained.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("chk-"));
    }
  }

  /** Posts {@code r:<batch>:<i>} for i in [from, to), 500 per spool file; returns how many bad posts it added. */
  private static int writePosts(Path spool, String batch, int from, int to) throws IOException {
    int bad = 0;
    try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(spool, 500, Duration.ofHours(1))) {
      for (int i = from; i < to; i++) {
        writer.send(Post.builder().id("r:" + batch + ":" + i).platform("forum").site("bbs.example.cn")
            .title("帖子" + i).text("市民反映小區停車難，希望相關部門儘快解決。（第" + i + "帖）")
            .publishedAt(BASE.plusSeconds(i)).build());
        if (i % BAD_EVERY == 0) {
          writer.send(Post.builder().id("bad:" + batch + ":" + i).platform("forum").site("bbs.example.cn").text("")
              .publishedAt(BASE.plusSeconds(i)).build());
          bad++;
        }
      }
      writer.flush();
    }
    return bad;
  }

  private static void publishRaw(Path spool, String name, String content) throws IOException {
    Path hidden = spool.resolve("." + name + ".tmp");
    Files.writeString(hidden, content, StandardCharsets.UTF_8);
    Files.move(hidden, spool.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Set<String> expectedIds() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < POSTS; i++) {
      ids.add("r:" + (i < BEFORE_KILL ? "a" : "b") + ":" + i);
    }
    return ids;
  }

  /** Every distinct {@code id} of the posts index, with a check that no id has two documents. */
  private static Set<String> indexedIds(String index) {
    JsonNode r = ES.searchResponse(index, "{\"size\":0,\"query\":" + REAL
        + ",\"aggs\":{\"ids\":{\"terms\":{\"field\":\"id\",\"size\":" + (POSTS + 100) + "}}}}");
    Set<String> ids = new HashSet<>();
    for (JsonNode bucket : r.path("aggregations").path("ids").path("buckets")) {
      assertThat(bucket.path("doc_count").asLong()).as(bucket.path("key").asText()).isEqualTo(1);
      ids.add(bucket.path("key").asText());
    }
    return ids;
  }

  private static long completedCheckpoints(FlinkRest rest, String jobId) {
    try {
      return rest.checkpoints(jobId).path("counts").path("completed").asLong();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean running(FlinkRest rest, String jobId) {
    try {
      return rest.allTasksRunning(jobId);
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; now "
            + ES.count(ES.names().postsAlias(), REAL) + " posts, " + ES.count(ES.names().deadLetters())
            + " dead letters");
      }
      Thread.sleep(100);
    }
  }
}
