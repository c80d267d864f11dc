package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.es.IndexNames;
import org.minsheng.post.Post;

class PostDocumentConverterTest {
  private static final Instant INDEXED = Instant.parse("2026-11-21T09:30:00Z");
  private final PostDocumentConverter converter =
      new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.fixed(INDEXED, ZoneOffset.UTC));

  private static AnalyzedPost full() {
    Post post = Post.builder().id("weibo:4890").platform("weibo").site("weibo.com").url("https://weibo.com/1/4890")
        .author(new Post.Author("u1", "市民张三", 1200L, true)).title("暴雨").text("城区暴雨内涝严重")
        .publishedAt(Instant.parse("2026-10-31T23:59:59Z")).fetchedAt(Instant.parse("2026-11-01T00:05:00Z"))
        .region("广东").metrics(new Post.Metrics(5L, 7L, 30L, null)).parentId("weibo:4800").contentHash("c0ffee").build();
    AnalyzedPost a = new AnalyzedPost(post);
    a.tokens = List.of("暴雨", "城区", "暴雨", "内涝", "严重");
    a.sentimentLabel = "negative";
    a.sentimentScore = -0.75;
    a.sentimentConfidence = 0.9;
    a.emotion = "angry";
    a.simhash = 0x00ff_00ff_1234_abcdL;
    a.duplicateOf = "weibo:4000";
    a.duplicateKind = "near";
    a.spamScore = 0.25;
    a.spam = false;
    a.keywords = List.of("内涝");
    a.persons = List.of();
    a.places = List.of("城区");
    a.organisations = List.of("气象局");
    a.topicId = "t-42";
    return a;
  }

  @Test
  void everyFieldOfTheContractIsFilled() throws Exception {
    SinkDocument doc = converter.convert(full());

    assertThat(doc.index()).isEqualTo("minsheng-posts-2026.10"); // month of publishedAt in UTC
    assertThat(doc.id()).isEqualTo("weibo:4890");
    JsonNode expected = new ObjectMapper().readTree("""
        {"id":"weibo:4890","platform":"weibo","site":"weibo.com","url":"https://weibo.com/1/4890","region":"广东",
         "parentId":"weibo:4800","contentHash":"c0ffee",
         "author":{"id":"u1","name":"市民张三","followers":1200,"verified":true},
         "title":"暴雨","text":"城区暴雨内涝严重","content":"暴雨 城区 暴雨 内涝 严重",
         "publishedAt":"2026-10-31T23:59:59Z","fetchedAt":"2026-11-01T00:05:00Z","indexedAt":"2026-11-21T09:30:00Z",
         "metrics":{"reposts":5,"comments":7,"likes":30},
         "sentiment":"negative","sentimentScore":-0.75,"sentimentConfidence":0.9,"emotion":"angry",
         "simhash":"00ff00ff1234abcd","duplicateOf":"weibo:4000","duplicateKind":"near",
         "spamScore":0.25,"spam":false,"keywords":["内涝"],"persons":[],"places":["城区"],"organisations":["气象局"],
         "topicId":"t-42"}
        """);
    assertThat(new ObjectMapper().readTree(doc.source().toString())).isEqualTo(expected);
  }

  @Test
  void textAndTopicStagePartsSplitTheFieldsAndMergeIntoTheSameDocument() {
    Clock clock = Clock.fixed(INDEXED, ZoneOffset.UTC);
    SinkDocument all = converter.convert(full());
    SinkDocument text = PostDocumentConverter.textStages(IndexNames.DEFAULT.posts(), clock).convert(full());
    SinkDocument topic = PostDocumentConverter.topicStages(IndexNames.DEFAULT.posts(), clock).convert(full());

    assertThat(all.mode()).isEqualTo(SinkDocument.WriteMode.REPLACE);
    assertThat(text.mode()).isEqualTo(SinkDocument.WriteMode.CREATE_OR_MERGE);
    assertThat(topic.mode()).isEqualTo(SinkDocument.WriteMode.MERGE);
    assertThat(text.index()).isEqualTo(all.index()).isEqualTo(topic.index());
    assertThat(text.id()).isEqualTo(all.id()).isEqualTo(topic.id());
    assertThat(text.source().has("topicId")).isFalse();
    assertThat(text.source().path("spam").asBoolean(true)).isFalse();
    assertThat(topic.source().has("spam")).isFalse();
    assertThat(text.source().path("sentiment").asText()).isEqualTo("negative");
    assertThat(text.source().path("content").asText()).isEqualTo("暴雨 城区 暴雨 内涝 严重");
    assertThat(text.source().has("tokens")).isFalse();
    assertThat(topic.source().has("text")).isFalse();
    assertThat(topic.source().has("sentiment")).isFalse();
    assertThat(topic.source().path("topicId").asText()).isEqualTo("t-42");

    ObjectNode merged = text.source().deepCopy();
    merged.setAll(topic.source());
    assertThat(merged).isEqualTo(all.source());
  }

  @Test
  void fieldsOfStagesThatDidNotRunAreLeftOut() {
    Post post = Post.builder().id("p1").platform("news").site("news.example.cn").text("正文")
        .publishedAt(Instant.parse("2026-11-02T01:00:00Z")).build();
    JsonNode d = converter.convert(new AnalyzedPost(post)).source();
    assertThat(d.has("sentiment")).isFalse();
    assertThat(d.has("sentimentScore")).isFalse();
    assertThat(d.has("simhash")).isFalse();
    assertThat(d.has("tokens")).isFalse();
    assertThat(d.has("content")).isFalse();
    assertThat(d.has("author")).isFalse();
    assertThat(d.has("metrics")).isFalse();
    assertThat(d.path("indexedAt").asText()).isEqualTo("2026-11-21T09:30:00Z");
  }

  @Test
  void isPure() {
    AnalyzedPost a = full();
    assertThat(converter.convert(a)).isEqualTo(converter.convert(a));
  }

  @Test
  void postWithoutPublishedAtIsRefusedWithAReason() {
    AnalyzedPost a = new AnalyzedPost(Post.builder().id("p2").text("x").build());
    assertThatThrownBy(() -> converter.convert(a)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("post p2 has no publishedAt (it chooses the monthly index)");
  }

  @Test
  void recordWithoutPostIsRefused() {
    assertThatThrownBy(() -> converter.convert(new AnalyzedPost())).hasMessage("analysed record has no post");
  }
}
