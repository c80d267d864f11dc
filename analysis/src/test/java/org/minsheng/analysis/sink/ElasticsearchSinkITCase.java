package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.es.IndexNames;
import org.minsheng.es.testing.SharedElasticsearch;
import org.minsheng.post.Post;
import org.slf4j.LoggerFactory;

/** The sink in a real (local MiniCluster) Flink job writing into the real shared Elasticsearch node. */
class ElasticsearchSinkITCase {
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();

  @BeforeEach
  void clean() {
    ES.reset();
  }

  private static List<AnalyzedPost> posts() {
    List<AnalyzedPost> posts = new ArrayList<>();
    Instant base = Instant.parse("2026-10-31T22:00:00Z");
    for (int i = 0; i < 6; i++) {
      Post p = Post.builder().id("p" + i).platform("news").site("news.example.cn").title("标题" + i)
          .text("第" + i + "条新闻正文").publishedAt(base.plus(Duration.ofHours(i))).build(); // 2 in October, 4 in November
      AnalyzedPost a = new AnalyzedPost(p);
      a.tokens = List.of("第", String.valueOf(i), "条", "新闻", "正文");
      a.sentimentLabel = "neutral";
      posts.add(a);
    }
    return posts;
  }

  private static void run(List<AnalyzedPost> posts, DocumentConverter<AnalyzedPost> converter) throws Exception {
    run(posts, converter, 4);
  }

  private static void run(List<AnalyzedPost> posts, DocumentConverter<AnalyzedPost> converter, int bulkMaxActions)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.fromData(posts).name("posts")
        .sinkTo(ElasticsearchSink.<AnalyzedPost>builder().connection(ES.settings()).converter(converter)
            .bulkMaxActions(bulkMaxActions).backoffInitial(Duration.ofMillis(50)).build())
        .name("elasticsearch").uid("elasticsearch-sink");
    env.execute("sink-itcase");
  }

  @Test
  void replayingTheSamePostsLeavesTheSameDocuments() throws Exception {
    PostDocumentConverter converter = new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC());
    run(posts(), converter);
    assertThat(ES.count("minsheng-posts")).isEqualTo(6);
    assertThat(ES.count("minsheng-posts-2026.10")).isEqualTo(2);
    assertThat(ES.count("minsheng-posts-2026.11")).isEqualTo(4);

    run(posts(), converter); // a replay after a restart
    assertThat(ES.count("minsheng-posts")).isEqualTo(6);
    assertThat(ES.count("minsheng-posts", "{\"match\":{\"content\":\"新闻\"}}")).isEqualTo(6);
    assertThat(ES.get("minsheng-posts-2026.11", "p3"))
        .hasValueSatisfying(d -> assertThat(d.path("title").asText()).isEqualTo("标题3"));
    assertThat(ES.count("minsheng-deadletters")).isZero();
  }

  private static List<AnalyzedPost> judged() {
    List<AnalyzedPost> posts = posts();
    for (AnalyzedPost a : posts) {
      a.simhash = 0x00ff00ff1234abcdL;
      a.keywords = List.of("新闻");
      a.topicId = "t-1";
    }
    return posts;
  }

  @Test
  void textAndTopicStageWritesMeetInOneDocumentInEitherOrderAndOnReplay() throws Exception {
    Clock clock = Clock.systemUTC();
    PostDocumentConverter text = PostDocumentConverter.textStages(IndexNames.DEFAULT.posts(), clock);
    PostDocumentConverter topic = PostDocumentConverter.topicStages(IndexNames.DEFAULT.posts(), clock);
    List<AnalyzedPost> firstHalf = judged().subList(0, 3);
    List<AnalyzedPost> secondHalf = judged().subList(3, 6);

    run(firstHalf, text);    // the usual order: creates
    run(firstHalf, topic);   // merged in
    run(secondHalf, topic);  // topic fields first (an upsert) ...
    run(secondHalf, text);   // ... then the text-stage create meets the document: merged instead
    run(judged(), text);     // a replay of every text-stage write: all merges now

    assertThat(ES.count("minsheng-posts")).isEqualTo(6);
    for (AnalyzedPost a : judged()) {
      String index = IndexNames.DEFAULT.posts().indexFor(a.post.publishedAt());
      assertThat(ES.get(index, a.id())).as(a.id()).hasValueSatisfying(d -> {
        assertThat(d.path("title").asText()).isEqualTo(a.post.title());
        assertThat(d.path("content").asText()).contains("新闻");
        assertThat(d.path("sentiment").asText()).isEqualTo("neutral");
        assertThat(d.path("topicId").asText()).isEqualTo("t-1");
        assertThat(d.path("simhash").asText()).isEqualTo("00ff00ff1234abcd");
      });
    }
    assertThat(ES.count("minsheng-posts", "{\"term\":{\"topicId\":\"t-1\"}}")).isEqualTo(6);
    assertThat(ES.count("minsheng-posts", "{\"term\":{\"content\":\"新闻\"}}")).isEqualTo(6);
    assertThat(ES.count("minsheng-deadletters")).isZero();
  }

  @Test
  void manyPostsInSeveralFullBulksAllArrive() throws Exception {
    List<AnalyzedPost> many = new ArrayList<>();
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < 5000; i++) {
      Post p = Post.builder().id("bulk-" + i).platform("forum").site("bbs.example.cn").title("帖子" + i)
          .text("小区停车位收费又涨价了，业主们意见很大，第" + i + "楼").publishedAt(base.plusSeconds(i * 60L)).build();
      AnalyzedPost a = new AnalyzedPost(p);
      a.tokens = List.of("小区", "停车位", "收费", "又", "涨价", "了", "业主", "们", "意见", "很", "大");
      a.sentimentLabel = "negative";
      a.sentimentScore = -0.6;
      many.add(a);
    }
    long t = System.nanoTime();
    run(many, new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC()),
        ElasticsearchSink.DEFAULT_BULK_MAX_ACTIONS);
    double seconds = (System.nanoTime() - t) / 1e9;
    assertThat(ES.count("minsheng-posts")).isEqualTo(5000);
    LoggerFactory.getLogger(ElasticsearchSinkITCase.class).info(
        "5000 posts through a parallelism-2 batch job into Elasticsearch in {} s ({} posts/s, job start included)",
        String.format(java.util.Locale.ROOT, "%.1f", seconds), Math.round(5000 / seconds));
  }

  @Test
  void documentsTheClusterRejectsAndRecordsThatCannotBeConvertedBecomeDeadLetters() throws Exception {
    PostDocumentConverter posts = new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC());
    DocumentConverter<AnalyzedPost> converter = a -> {
      SinkDocument d = posts.convert(a);
      if (a.id().equals("p1")) {
        d.source().put("publishedAt", "sometime last week"); // not a date: mapping rejects it (400)
      }
      return d;
    };
    List<AnalyzedPost> input = posts();
    input.add(new AnalyzedPost(Post.builder().id("no-date").text("没有发布时间").build())); // converter refuses
    run(input, converter);

    assertThat(ES.count("minsheng-posts")).isEqualTo(5);
    List<JsonNode> letters = ES.documents("minsheng-deadletters");
    assertThat(letters).hasSize(2);
    assertThat(letters).anySatisfy(l -> {
      assertThat(l.path("stage").asText()).isEqualTo("sink");
      assertThat(l.path("reason").asText()).contains("rejected by Elasticsearch (400)").contains("publishedAt");
      assertThat(l.path("raw").asText()).contains("\"id\":\"p1\"").contains("第1条新闻正文"); // the record as received
      assertThat(l.path("source").asText()).isEqualTo("minsheng-posts-2026.10/p1");
    });
    assertThat(letters).anySatisfy(l ->
        assertThat(l.path("reason").asText()).isEqualTo("cannot convert to a document: post no-date has no publishedAt"
            + " (it chooses the monthly index)"));

    run(input, converter); // replay: dead letters overwrite themselves too
    assertThat(ES.count("minsheng-deadletters")).isEqualTo(2);
  }
}
