package org.minsheng.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minsheng.bench.corpus.CorpusGenerator;
import org.minsheng.bench.corpus.CorpusSpec;
import org.minsheng.post.Post;

class BenchDocumentsTest {
  static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

  @Test
  void tokensAreHanBigramsAndAsciiWordsInOrder() {
    assertThat(BenchDocuments.tokens("小区停水 WiFi坏了")).containsExactly("小区", "区停", "停水", "wifi", "坏了");
    assertThat(BenchDocuments.tokens("")).isEmpty();
    assertThat(BenchDocuments.tokens("啊".repeat(10) + "天地".repeat(200))).hasSizeLessThanOrEqualTo(BenchDocuments.MAX_TOKENS);
  }

  @Test
  void documentsCarryTheJobsFieldsWithConsistentValues() {
    CorpusGenerator generator = new CorpusGenerator(CorpusSpec.defaults(7, AT, 1.0));
    BenchDocuments documents = new BenchDocuments(7, AT);
    Map<String, Integer> sentiments = new HashMap<>();
    int withTopic = 0;
    for (int i = 0; i < 2000; i++) {
      Post post = generator.next();
      BenchDocuments.Doc doc = documents.document(post, AT);
      ObjectNode d = doc.source();
      assertThat(d.path("id").asText()).isEqualTo(post.id());
      assertThat(d.path("publishedAt").asText()).isEqualTo(AT.toString());
      for (String field : new String[] {"platform", "site", "url", "text", "content", "tokens", "fetchedAt", "indexedAt",
          "sentiment", "sentimentScore", "sentimentConfidence", "emotion", "simhash", "spam", "spamScore", "keywords"}) {
        assertThat(d.has(field)).as(field + " in " + d).isTrue();
      }
      String sentiment = d.path("sentiment").asText();
      assertThat(sentiment).isIn("negative", "neutral", "positive").isEqualTo(doc.sentiment());
      double score = d.path("sentimentScore").asDouble();
      assertThat(score).isBetween(-1.0, 1.0);
      if (sentiment.equals("negative")) {
        assertThat(score).isLessThanOrEqualTo(-0.2);
      } else if (sentiment.equals("positive")) {
        assertThat(score).isGreaterThanOrEqualTo(0.2);
      }
      if (d.path("spam").asBoolean()) {
        assertThat(d.has("topicId")).isFalse();
      }
      if (doc.topicId() != null) {
        withTopic++;
        assertThat(doc.topicId()).startsWith("bt-" + AT.getEpochSecond() / 86_400 + "-");
        assertThat(d.path("topicId").asText()).isEqualTo(doc.topicId());
      }
      sentiments.merge(sentiment, 1, Integer::sum);
    }
    assertThat(sentiments.keySet()).isEqualTo(Set.of("negative", "neutral", "positive"));
    assertThat(sentiments.get("negative")).isBetween(800, 1100);
    assertThat(withTopic).isBetween(1100, 1500);
  }
}
