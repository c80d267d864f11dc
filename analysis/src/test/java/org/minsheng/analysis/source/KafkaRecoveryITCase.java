package org.minsheng.analysis.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.minsheng.analysis.testing.MiniClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.Environments;
import org.minsheng.config.Settings;
import org.minsheng.es.testing.SharedElasticsearch;
import org.minsheng.handoff.kafka.KafkaHandOffSettings;
import org.minsheng.handoff.kafka.KafkaPostHandOff;
import org.minsheng.post.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager dies mid-stream: the job (Kafka source, real Elasticsearch sinks, parallelism 2) is restarted by Flink
 * from its last completed checkpoint on a new TaskManager, re-reads Kafka from the checkpointed offsets, and
 * Elasticsearch ends with exactly the input's distinct posts and dead letters — none lost, none doubled.
 *
 * <p>The TaskManager is terminated inside the MiniCluster (its slots, tasks and network stack go away at once), not
 * kill -9 of a separate process: that stronger variant, on the spool hand-off, is
 * {@code org.minsheng.local.cluster.ClusterRecoveryITCase} (deploy/local).
 */
class KafkaRecoveryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRecoveryITCase.class);
  private static final int PARALLELISM = 2;
  private static final int POSTS = 20_000;
  private static final String TOPIC = "minsheng-posts-recovery";
  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  /** The test's posts, without the clock posts that move the watermark. */
  private static final String REAL = "{\"prefix\":{\"id\":\"r:\"}}";

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(PARALLELISM);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(TOPIC, PARALLELISM);

  @TempDir
  Path temp;

  @Test
  void aTaskManagerLostMidStreamLosesAndDoublesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
    ES.reset();
    String postsIndex = ES.names().postsAlias();
    String deadIndex = ES.names().deadLetters();
    try (KafkaPostHandOff handOff = new KafkaPostHandOff(new KafkaHandOffSettings(
        KAFKA.broker().bootstrapServers(), TOPIC,
        "recovery-crawler", Duration.ofMillis(5), Duration.ofSeconds(30), "lz4"))) {
      for (int i = 0; i < POSTS; i++) {
        handOff.send(Post.builder().id("r:" + i).platform("forum").site("bbs.example.cn").title("帖子" + i)
            .text("市民反映小區停車難，希望相關部門儘快解決。（第" + i + "帖）")
            .publishedAt(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i)).build());
        if (i % 5000 == 0) {
          // a post that is not one, every 5,000: 4 dead letters in all
          handOff.send(Post.builder().id("bad:" + i).platform("forum").site("bbs.example.cn").text("")
              .publishedAt(Instant.parse("2026-03-01T10:00:00Z")).build());
        }
      }
      handOff.flush();
    }
    KAFKA.broker().sendClockPosts(TOPIC, PARALLELISM, Instant.parse("2026-03-02T10:00:00Z"), "recovery");

    // no out-of-orderness allowance: the clock posts release everything before them at once
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
            Map.of("MINSHENG_ANALYSIS_EVENTTIME_MAXOUTOFORDERNESS", "PT0S")))
        .withCheckpoints(temp.resolve("checkpoints").toString(), Duration.ofMillis(500));
    KafkaSourceSettings kafka = new KafkaSourceSettings(KAFKA.broker().bootstrapServers(), TOPIC, "recovery",
        KafkaSourceSettings.StartingOffsets.EARLIEST, Duration.ZERO);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration conf = Environments.configuration(config);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
    env.configure(conf);
    env.setParallelism(PARALLELISM);
    AnalysisMain.job(config, KafkaPostsSource.continuous(kafka), ES.settings(), ES.names()).build(env);
    JobClient job = env.executeAsync("minsheng-analysis-recovery-itcase");
    try {
      // mid-stream: some posts indexed and a checkpoint completed (offsets committed), far from the end
      await(() -> committedOffsets() > 0 && ES.count(postsIndex, REAL) > 1000, "a checkpoint and the first documents");
      long before = ES.count(postsIndex, REAL);
      assertThat(before).as("still mid-stream when the TaskManager goes").isLessThan(POSTS);
      Instant kill = Instant.now();
      cluster.terminateTaskManager(0).get(60, TimeUnit.SECONDS);
      LOG.info("KafkaRecoveryITCase: TaskManager terminated with {} of {} posts indexed", before, POSTS);
      cluster.startTaskManager();
      // beyond anything in flight at the kill (each of the 2 sink subtasks sends bulks of at most 1,000 documents)
      await(() -> ES.count(postsIndex, REAL) > before + 2 * 1000, "processing again after the TaskManager loss");
      Duration failover = Duration.between(kill, Instant.now());
      LOG.info("KafkaRecoveryITCase: failover (TaskManager lost → 2,000 more posts in Elasticsearch than at the loss)"
          + " took {} ms", failover.toMillis());
      await(() -> ES.count(postsIndex, REAL) == POSTS && ES.count(deadIndex) == 4, "every post and dead letter");
      await(() -> committedOffsets() == POSTS + 4 + PARALLELISM, "all offsets committed on checkpoint");
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get(60, TimeUnit.SECONDS);
    }
    assertThat(ES.count(postsIndex, REAL)).isEqualTo(POSTS);
    assertThat(ES.count(deadIndex)).isEqualTo(4);
    assertThat(ES.count(deadIndex, "{\"term\":{\"reason.keyword\":\"invalid post bad:5000: missing text\"}}"))
        .isEqualTo(1);
  }

  private static long committedOffsets() {
    return KAFKA.committedOffsets("recovery");
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; now "
            + ES.count(ES.names().postsAlias(), REAL) + " posts, " + ES.count(ES.names().deadLetters())
            + " dead letters, offsets " + committedOffsets() + " committed");
      }
      Thread.sleep(100);
    }
  }
}
