package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;

class ElasticsearchSinkBuilderTest {
  private static final EsSettings ES = EsSettings.of("http://127.0.0.1:9200");
  private static final DocumentConverter<AnalyzedPost> POSTS =
      new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC());

  @Test
  void namedDefaults() {
    ElasticsearchSink<AnalyzedPost> sink = ElasticsearchSink.<AnalyzedPost>builder().connection(ES).converter(POSTS).build();
    BulkConfig b = sink.bulkConfig();
    assertThat(b.maxActions()).isEqualTo(1000).isEqualTo(ElasticsearchSink.DEFAULT_BULK_MAX_ACTIONS);
    assertThat(b.maxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(b.flushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.maxRetries()).isEqualTo(ElasticsearchSink.DEFAULT_MAX_RETRIES);
    assertThat(b.backoffInitial()).isEqualTo(Duration.ofMillis(200));
    assertThat(b.backoffMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(sink.deadLetterIndex()).isEqualTo("minsheng-deadletters");
  }

  @Test
  void settingsAreKept() {
    ElasticsearchSink<AnalyzedPost> sink = ElasticsearchSink.<AnalyzedPost>builder().connection(ES).converter(POSTS)
        .bulkMaxActions(10).bulkMaxBytes(4096).flushInterval(Duration.ofMillis(50)).maxRetries(0)
        .backoffInitial(Duration.ofMillis(5)).backoffMax(Duration.ofMillis(5)).deadLetterIndex("x-deadletters").build();
    assertThat(sink.bulkConfig()).isEqualTo(new BulkConfig(10, 4096, Duration.ofMillis(50), 0, Duration.ofMillis(5),
        Duration.ofMillis(5)));
    assertThat(sink.deadLetterIndex()).isEqualTo("x-deadletters");
  }

  @Test
  void argumentsAreChecked() {
    ElasticsearchSink.Builder<AnalyzedPost> b = ElasticsearchSink.builder();
    assertThatThrownBy(() -> b.bulkMaxActions(0)).hasMessage("bulkMaxActions must be >= 1, was 0");
    assertThatThrownBy(() -> b.bulkMaxBytes(100)).hasMessage("bulkMaxBytes must be >= 1024, was 100");
    assertThatThrownBy(() -> b.flushInterval(Duration.ZERO)).hasMessage("flushInterval must be positive, was PT0S");
    assertThatThrownBy(() -> b.maxRetries(-1)).hasMessage("maxRetries must be >= 0, was -1");
    assertThatThrownBy(() -> b.backoffInitial(Duration.ofMillis(-1))).hasMessage("backoffInitial must be positive, was PT-0.001S");
    assertThatThrownBy(() -> b.deadLetterIndex(" ")).hasMessage("deadLetterIndex must not be blank");
    assertThatThrownBy(() -> b.connection(null)).hasMessage("connection");
  }

  @Test
  void requiredPartsAreNamedWhenMissing() {
    assertThatThrownBy(() -> ElasticsearchSink.<AnalyzedPost>builder().converter(POSTS).build())
        .hasMessage("ElasticsearchSink needs connection(EsSettings)");
    assertThatThrownBy(() -> ElasticsearchSink.<AnalyzedPost>builder().connection(ES).build())
        .hasMessage("ElasticsearchSink needs converter(DocumentConverter)");
    assertThatThrownBy(() -> ElasticsearchSink.<AnalyzedPost>builder().connection(ES).converter(POSTS)
        .backoffInitial(Duration.ofSeconds(5)).backoffMax(Duration.ofSeconds(1)).build())
        .hasMessage("backoffMax (PT1S) must be >= backoffInitial (PT5S)");
  }

  @Test
  void backoffDoublesUpToTheCap() {
    BulkConfig b = new BulkConfig(1, 1024, Duration.ofSeconds(1), 10, Duration.ofMillis(100), Duration.ofMillis(700));
    assertThat(b.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.backoff(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(b.backoff(4)).isEqualTo(Duration.ofMillis(700));
    assertThat(b.backoff(60)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void sinkIsSerialisableForFlink() throws Exception {
    ElasticsearchSink<AnalyzedPost> sink = ElasticsearchSink.<AnalyzedPost>builder().connection(ES).converter(POSTS).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sink);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      ElasticsearchSink<AnalyzedPost> copy = (ElasticsearchSink<AnalyzedPost>) in.readObject();
      assertThat(copy.connection()).isEqualTo(ES);
      assertThat(copy.bulkConfig()).isEqualTo(sink.bulkConfig());
    }
  }

  @Test
  void readyMadeBuildersForPostsAndDeadLetters() {
    IndexNames names = new IndexNames("ms-x");
    ElasticsearchSink<AnalyzedPost> posts = ElasticsearchSink.forPosts(ES, names).bulkMaxActions(500).build();
    assertThat(posts.deadLetterIndex()).isEqualTo("ms-x-deadletters");
    assertThat(posts.bulkConfig().maxActions()).isEqualTo(500);
    ElasticsearchSink<org.minsheng.analysis.model.DeadLetter> letters = ElasticsearchSink.forDeadLetters(ES, names).build();
    assertThat(letters.deadLetterIndex()).isEqualTo("ms-x-deadletters");
    assertThat(letters.connection()).isEqualTo(ES);
  }

  @Test
  void retryClassification() {
    assertThat(ElasticsearchSinkWriter.retryable(429)).isTrue();
    assertThat(ElasticsearchSinkWriter.retryable(503)).isTrue();
    assertThat(ElasticsearchSinkWriter.retryable(400)).isFalse();
    assertThat(ElasticsearchSinkWriter.retryable(409)).isFalse();
    assertThat(ElasticsearchSinkWriter.retryable(new java.net.ConnectException("refused"))).isTrue();
    assertThat(ElasticsearchSinkWriter.retryable(new IllegalStateException("bug"))).isFalse();
  }
}
