package org.minsheng.analysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.minsheng.analysis.testing.MiniClusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.source.SpoolDirectorySource;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.minsheng.es.testing.SharedElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole job on a MiniCluster (parallelism 2) over a spool directory of fixture NDJSON: traditional script,
 * full-width text, pinyin residue, and malformed lines (broken JSON, a missing field, wrong types). The source runs in
 * continuous-monitoring mode; the second fixture file and a generated batch arrive while the job runs, a hidden
 * in-progress file must never be read. The real Elasticsearch sinks write into the shared test node; the test stops
 * the job once the expected documents are there.
 */
class MinshengJobITCase {
  private static final Logger LOG = LoggerFactory.getLogger(MinshengJobITCase.class);
  private static final int PARALLELISM = 2;
  private static final int GENERATED_POSTS = 3000;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(PARALLELISM);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @BeforeEach
  void emptyIndices() {
    ES.reset();
  }

  @Test
  void postsReachTheSinkAnalysedAndBadLinesBecomeDeadLetters() throws Exception {
    Path spool = Files.createDirectories(temp.resolve("spool"));
    copyFixture("posts-20260301T080000Z-fixture-0.ndjson", spool);
    copyFixture(".posts-20260301T093000Z-fixture-2.ndjson.tmp", spool);
    String postsIndex = ES.names().postsAlias();
    String deadIndex = ES.names().deadLetters();

    AnalysisConfig config = AnalysisConfig.load()
        .withSpoolDirectory(spool.toString())
        .withCheckpoints(temp.resolve("checkpoints").toString(), Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(Environments.configuration(config));
    env.setParallelism(PARALLELISM);
    AnalysisMain.job(config, SpoolDirectorySource.continuous(spool.toString(), Duration.ofMillis(200)),
        ES.settings(), ES.names()).build(env);
    JobClient job = env.executeAsync("minsheng-analysis-itcase");
    try {
      // the first file: 5 posts, 2 dead letters
      await(() -> ES.count(postsIndex) == 5 && ES.count(deadIndex) == 2, "first fixture file");
      // the second file appears while the job runs (continuous monitoring): 3 posts, 3 dead letters
      publish(fixture("posts-20260301T090000Z-fixture-1.ndjson"), spool, "posts-20260301T090000Z-fixture-1.ndjson");
      await(() -> ES.count(postsIndex) == 8 && ES.count(deadIndex) == 5, "second fixture file");

      Instant start = Instant.now();
      // two files, so that both source subtasks get a split (one file is one split)
      publish(generated(0, GENERATED_POSTS / 2), spool, "posts-20260301T100000Z-generated-0.ndjson");
      publish(generated(GENERATED_POSTS / 2, GENERATED_POSTS), spool, "posts-20260301T100000Z-generated-1.ndjson");
      await(() -> ES.count(postsIndex) == 8 + GENERATED_POSTS, "generated batch");
      Duration took = Duration.between(start, Instant.now());
      LOG.info("MinshengJobITCase: {} generated posts from spool file to searchable Elasticsearch documents in {} ms"
          + " = {} posts/s (parallelism {}, two files, file discovery every 200 ms, checkpoint every 500 ms)",
          GENERATED_POSTS, took.toMillis(), Math.round(GENERATED_POSTS * 1000.0 / Math.max(1, took.toMillis())),
          PARALLELISM);
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get();
    }

    assertThat(ES.count(postsIndex)).isEqualTo(8 + GENERATED_POSTS);
    assertThat(ES.count(postsIndex, "{\"term\":{\"id\":\"hidden:1\"}}")).isZero();
    Map<String, JsonNode> posts = new HashMap<>();
    for (JsonNode doc : ES.search(postsIndex, "{\"bool\":{\"must_not\":{\"prefix\":{\"id\":\"gen:\"}}}}")) {
      posts.put(doc.path("id").asText(), doc);
    }
    assertThat(posts).hasSize(8);
    assertAnalysed(posts.get("weibo:1001"), "网友们对这个问题非常关注,希望政府尽快解决。", null, "网友", "关注", "政府");
    assertAnalysed(posts.get("forum:2002"), "小区强拆还打人\n居民非常愤怒,投诉了三次都没有人管。", "negative", "小区", "强拆", "愤怒");
    assertAnalysed(posts.get("news:3003"), "ABC科技公司发布2026年报告\n报告显示营收增长15%,业务稳定。", null, "科技", "报告");
    assertAnalysed(posts.get("news:3006"), "关注民生,市政府召开常务会议", "neutral", "关注", "民生");
    assertAnalysed(posts.get("feed:4001"), "Weibo热搜\n这家店的服务一点也不好,太失望了。", "negative", "失望");
    assertAnalysed(posts.get("weibo:1008"), "重庆今天天气晴朗", null, "重庆", "天气");
    assertAnalysed(posts.get("forum:2010"), "停水三天了,物业一直推诿扯皮", "negative", "停水", "物业");
    assertThat(posts.get("weibo:1004").path("sentiment").asText()).isEqualTo("positive");

    Map<String, JsonNode> dead = new HashMap<>();
    for (JsonNode d : ES.documents(deadIndex)) {
      assertThat(d.path("stage").asText()).isEqualTo("parse");
      assertThat(d.path("source").asText()).isEqualTo("spool:" + spool);
      dead.put(d.path("raw").asText(), d);
    }
    assertThat(dead).hasSize(5);
    assertReason(dead, "\"id\":\"broken:1\"", "malformed JSON: ");
    assertReason(dead, "\"id\":\"forum:2005\"", "invalid post forum:2005: missing text");
    assertReason(dead, "\"id\":\"news:3009\"", "wrong field type: ");
    assertReason(dead, "not json at all", "malformed JSON: ");
    assertReason(dead, "\"id\":\"news:3011\"", "wrong field type: ");
  }

  /** A post document: normalised title and text, HanLP tokens (the whitespace-joined content), sentiment. */
  private static void assertAnalysed(JsonNode doc, String normalised, String label, String... someTokens) {
    assertThat(doc).as("post document").isNotNull();
    String title = doc.path("title").asText("");
    assertThat(title.isEmpty() ? doc.path("text").asText() : title + "\n" + doc.path("text").asText())
        .isEqualTo(normalised);
    List<String> tokens = List.of(doc.path("content").asText().split(" "));
    assertThat(tokens).contains(someTokens).doesNotContain(",", "。", "");
    if (label != null) {
      assertThat(doc.path("sentiment").asText()).as(normalised).isEqualTo(label);
    }
    assertThat(doc.path("sentiment").asText()).isIn("negative", "neutral", "positive");
    assertThat(doc.path("sentimentScore").asDouble()).isBetween(-1.0, 1.0);
    assertThat(doc.path("sentimentConfidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(doc.path("emotion").asText()).isIn("happy", "angry", "sad", "fear", "surprise", "neutral");
    assertThat(doc.path("publishedAt").asText()).startsWith("2026-03-01T");
  }

  private static void assertReason(Map<String, JsonNode> dead, String rawContains, String reasonPrefix) {
    List<JsonNode> matching = dead.entrySet().stream().filter(e -> e.getKey().contains(rawContains))
        .map(Map.Entry::getValue).toList();
    assertThat(matching).as("dead letter containing " + rawContains).hasSize(1);
    assertThat(matching.get(0).path("reason").asText()).startsWith(reasonPrefix);
  }

  static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      Thread.sleep(500);
    }
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = MinshengJobITCase.class.getResourceAsStream("/fixtures/spool/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture " + name + " missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void copyFixture(String name, Path spool) throws IOException {
    Files.writeString(spool.resolve(name), fixture(name), StandardCharsets.UTF_8);
  }

  /** Writes a hidden file and renames it into place, as ingest's SpoolDirectoryWriter does. */
  private static void publish(String content, Path spool, String name) throws IOException {
    Path hidden = spool.resolve("." + name + ".tmp");
    Files.writeString(hidden, content, StandardCharsets.UTF_8);
    Files.move(hidden, spool.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Synthetic valid posts with fixed instants, for the throughput figure. */
  private static String generated(int from, int to) {
    String[] texts = {
        "市民反映小區停車難，希望相關部門儘快解決。",
        "今天的發佈會介紹了新的便民服務措施，市民很滿意。",
        "網友曝光某餐廳衛生問題，引發熱議，多人表示失望。",
        "交通部門發布通知，週末部分路段將臨時管制。",
    };
    PostCodec codec = new PostCodec();
    StringBuilder out = new StringBuilder();
    Instant base = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = from; i < to; i++) {
      out.append(codec.encode(Post.builder().id("gen:" + i).platform("forum").site("bbs.example.cn")
          .title("帖子" + i).text(texts[i % texts.length] + "（第" + i + "帖）")
          .publishedAt(base.plusSeconds(i)).build())).append('\n');
    }
    return out.toString();
  }
}
