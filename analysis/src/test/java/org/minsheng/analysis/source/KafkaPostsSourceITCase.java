package org.minsheng.analysis.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.minsheng.analysis.testing.MiniClusters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
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
 * Ingest's {@link KafkaPostHandOff} → a real Kafka broker in this JVM → the real job ({@link KafkaPostsSource},
 * MiniCluster, parallelism 2, two partitions) → the real Elasticsearch sinks on the shared test node. Malformed
 * records end as dead letters; a re-sent post is one document; a second job in the same consumer group started
 * without checkpoint continues from the offsets the first one committed on its checkpoints, so it indexes exactly the
 * new posts and re-reads none of the old ones.
 */
class KafkaPostsSourceITCase {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPostsSourceITCase.class);
  private static final int PARALLELISM = 2;
  private static final String TOPIC = "minsheng-posts-itcase";
  private static final String GROUP = "minsheng-analysis-itcase";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** The test's posts, without the clock posts that move the watermark. */
  private static final String REAL = "{\"prefix\":{\"id\":\"kafka:\"}}";

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(PARALLELISM);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(TOPIC, PARALLELISM);

  @TempDir
  Path temp;

  @BeforeEach
  void emptyIndices() {
    ES.reset();
  }

  @Test
  void postsFromKafkaAreIndexedOnceBadRecordsAreDeadLettersAndARestartContinuesFromCommittedOffsets()
      throws Exception {
    String postsIndex = ES.names().postsAlias();
    String deadIndex = ES.names().deadLetters();
    KafkaHandOffSettings producer = new KafkaHandOffSettings(KAFKA.broker().bootstrapServers(), TOPIC, "itcase-crawler",
        Duration.ofMillis(5), Duration.ofSeconds(30), "lz4");

    // phase 1: 1,000 posts, one of them sent again in a newer version, and 4 records that are not posts
    Instant start = Instant.now();
    try (KafkaPostHandOff handOff = new KafkaPostHandOff(producer)) {
      for (int i = 0; i < 1000; i++) {
        handOff.send(post(i, "市民反映小區停車難，希望相關部門儘快解決。"));
      }
      handOff.send(post(5, "更新停车问题已经解决"));
      handOff.flush();
    }
    sendRaw("broken:1", "{\"v\":1,\"id\":\"broken:1\",");
    sendRaw("junk", "not json at all");
    sendRaw("forum:9", "{\"v\":1,\"id\":\"forum:9\",\"platform\":\"forum\",\"site\":\"bbs.example.cn\","
        + "\"publishedAt\":\"2026-03-01T08:00:00Z\"}");
    sendRaw("tombstone", null);
    KAFKA.broker().sendClockPosts(TOPIC, PARALLELISM, Instant.parse("2026-03-02T00:00:00Z"), "1");

    JobClient first = startJob();
    try {
      await(() -> ES.count(postsIndex, REAL) == 1000 && ES.count(deadIndex) == 4, "phase 1 documents");
      Duration took = Duration.between(start, Instant.now());
      LOG.info("KafkaPostsSourceITCase: 1,001 posts + 4 bad records from hand-off to searchable documents in {} ms"
          + " (includes job start; parallelism {}, 2 partitions, checkpoint every 500 ms)", took.toMillis(),
          PARALLELISM);
      // offsets reach the consumer group when a checkpoint completes
      await(() -> committedOffsets() == 1005 + PARALLELISM, "all phase 1 offsets committed on checkpoint");
      assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      stop(first);
    }

    assertThat(ES.get(postsIndex, "kafka:5")).isPresent()
        .get().satisfies(d -> assertThat(d.path("text").asText()).isEqualTo("更新停车问题已经解决"));
    Map<String, JsonNode> dead = new HashMap<>();
    for (JsonNode d : ES.documents(deadIndex)) {
      assertThat(d.path("stage").asText()).isEqualTo("parse");
      // the record's coordinates: topic/partition/offset
      assertThat(d.path("source").asText()).matches("kafka:" + TOPIC + "/[01]/\\d+");
      dead.put(d.path("raw").asText(), d);
    }
    assertThat(dead).hasSize(4);
    assertThat(dead.get("{\"v\":1,\"id\":\"broken:1\",").path("reason").asText()).startsWith("malformed JSON: ");
    assertThat(dead.get("not json at all").path("reason").asText()).startsWith("malformed JSON: ");
    assertThat(dead.entrySet().stream().filter(e -> e.getKey().contains("forum:9")).findFirst().orElseThrow()
        .getValue().path("reason").asText()).isEqualTo("invalid post forum:9: missing text");
    assertThat(dead.get("").path("reason").asText()).isEqualTo("empty line");

    // phase 2: more posts while no job runs; a new job in the same group starts from the committed offsets
    Instant restart = Instant.now();
    try (KafkaPostHandOff handOff = new KafkaPostHandOff(producer)) {
      for (int i = 1000; i < 1500; i++) {
        handOff.send(post(i, "网友曝光某餐厅卫生问题，引发热议。"));
      }
      handOff.flush();
    }
    sendRaw("junk-2", "still not json");
    KAFKA.broker().sendClockPosts(TOPIC, PARALLELISM, Instant.parse("2026-03-03T00:00:00Z"), "2");
    JobClient second = startJob();
    try {
      await(() -> ES.count(postsIndex, REAL) == 1500 && ES.count(deadIndex) == 5, "phase 2 documents");
      await(() -> committedOffsets() == 1506 + 2 * PARALLELISM, "all phase 2 offsets committed on checkpoint");
    } finally {
      stop(second);
    }
    // exactly the 500 new posts were (re)written after the restart: nothing before the committed offsets was re-read
    assertThat(ES.count(postsIndex, "{\"bool\":{\"filter\":[" + REAL + ",{\"range\":{\"indexedAt\":{\"gte\":\""
        + restart + "\"}}}]}}")).isEqualTo(500);
    assertThat(ES.count(postsIndex, REAL)).isEqualTo(1500);
    assertThat(ES.count(deadIndex)).isEqualTo(5);
  }

  private JobClient startJob() throws Exception {
    // no out-of-orderness allowance: the clock posts release everything before them at once
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
            Map.of("MINSHENG_ANALYSIS_EVENTTIME_MAXOUTOFORDERNESS", "PT0S")))
        .withCheckpoints(temp.resolve("checkpoints").toString(), Duration.ofMillis(500));
    KafkaSourceSettings kafka = config.kafka().withBrokers(KAFKA.broker().bootstrapServers(), TOPIC);
    kafka = new KafkaSourceSettings(kafka.bootstrapServers(), kafka.topic(), GROUP, kafka.startingOffsets(),
        kafka.partitionDiscoveryInterval());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(Environments.configuration(config));
    env.setParallelism(PARALLELISM);
    AnalysisMain.job(config, KafkaPostsSource.continuous(kafka), ES.settings(), ES.names()).build(env);
    return env.executeAsync("minsheng-analysis-kafka-itcase");
  }

  private static void stop(JobClient job) throws Exception {
    job.cancel().get(60, TimeUnit.SECONDS);
    await(() -> {
      try {
        return job.getJobStatus().get().isTerminalState();
      } catch (Exception e) {
        return true; // the MiniCluster forgets finished jobs
      }
    }, "job " + job.getJobID() + " to end");
  }

  private static long committedOffsets() {
    return KAFKA.committedOffsets(GROUP);
  }

  private static void sendRaw(String key, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static Post post(int i, String text) {
    return Post.builder().id("kafka:" + i).platform("forum").site("bbs.example.cn").title("帖子" + i)
        .text(text).publishedAt(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i)).build();
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; now "
            + ES.count(ES.names().postsAlias(), REAL) + " posts, " + ES.count(ES.names().deadLetters())
            + " dead letters, offsets " + committedOffsets() + " committed");
      }
      Thread.sleep(250);
    }
  }
}
