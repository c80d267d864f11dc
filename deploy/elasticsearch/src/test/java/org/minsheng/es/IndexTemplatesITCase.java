package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.es.testing.SharedElasticsearch;

/** The templates on the shared node: fixed indices exist, a post lands in its monthly index with the contract's mapping. */
class IndexTemplatesITCase {
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();

  @BeforeEach
  void clean() {
    ES.reset();
  }

  @Test
  void fixedIndicesExistAndApplyingTwiceIsHarmless() throws IOException {
    IndexTemplates.defaults().apply(ES.client()); // second time: idempotent
    for (String index : ES.names().fixedIndices()) {
      assertThat(ES.restClient().performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode())
          .as(index).isEqualTo(200);
      assertThat(ES.count(index)).isZero();
    }
    JsonNode deadLetters = ES.mapping("minsheng-deadletters").path("minsheng-deadletters").path("mappings").path("properties");
    assertThat(deadLetters.path("reason").path("fields").path("keyword").path("type").asText()).isEqualTo("keyword");
    assertThat(deadLetters.path("occurredAt").path("type").asText()).isEqualTo("date");
  }

  @Test
  void anAlertsIndexMadeUnderAnOlderTemplateTakesTheCurrentRefreshInterval() throws IOException {
    String alerts = ES.names().alerts();
    Request old = new Request("PUT", "/" + alerts + "/_settings");
    old.setJsonEntity("{\"index\":{\"refresh_interval\":\"1s\"}}");
    ES.restClient().performRequest(old);

    IndexTemplates.defaults().apply(ES.client());

    org.elasticsearch.client.Response r = ES.restClient().performRequest(
        new Request("GET", "/" + alerts + "/_settings/index.refresh_interval"));
    JsonNode settings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getEntity().getContent());
    assertThat(settings.path(alerts).path("settings").path("index").path("refresh_interval").asText())
        .as("the notifier finds a new alert within a quarter second").isEqualTo("250ms");
  }

  @Test
  void postDocumentGetsMonthlyIndexAliasAndMapping() throws IOException {
    String index = ES.names().posts().indexFor(java.time.Instant.parse("2026-11-03T08:00:00Z"));
    Request put = new Request("PUT", "/" + index + "/_doc/p1");
    put.setJsonEntity("""
        {"id":"p1","platform":"weibo","site":"weibo.com","url":"https://weibo.com/u1/p1","title":"暴雨","text":"城区暴雨内涝严重",
         "content":"城区 暴雨 内涝 严重","tokens":["城区","暴雨","内涝","严重"],"publishedAt":"2026-11-03T08:00:00Z",
         "author":{"id":"u1","name":"张三","followers":12,"verified":true},"metrics":{"likes":3},
         "sentiment":"negative","sentimentScore":-0.8,"simhash":"00ff00ff00ff00ff","spam":false}
        """);
    ES.restClient().performRequest(put);

    assertThat(index).isEqualTo("minsheng-posts-2026.11");
    assertThat(ES.count("minsheng-posts")).isEqualTo(1);
    // standard analyser: one token per Han character, so match_phrase finds an exact substring
    assertThat(ES.count("minsheng-posts", "{\"match_phrase\":{\"text\":\"暴雨内涝\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"match_phrase\":{\"text\":\"内涝暴雨\"}}")).isZero();
    // whitespace analyser over HanLP tokens: whole words only
    assertThat(ES.count("minsheng-posts", "{\"match\":{\"content\":\"内涝\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"match\":{\"content\":\"内\"}}")).isZero();
    assertThat(ES.count("minsheng-posts", "{\"term\":{\"tokens\":\"暴雨\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"range\":{\"publishedAt\":{\"gte\":\"2026-11-01\"}}}")).isEqualTo(1);

    // fields without doc values (template version 3) are still searchable and tested for existence
    assertThat(ES.count("minsheng-posts", "{\"term\":{\"simhash\":\"00ff00ff00ff00ff\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"exists\":{\"field\":\"simhash\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"exists\":{\"field\":\"duplicateOf\"}}")).isZero();
    assertThat(ES.count("minsheng-posts", "{\"term\":{\"url\":\"https://weibo.com/u1/p1\"}}")).isEqualTo(1);
    assertThat(ES.count("minsheng-posts", "{\"bool\":{\"filter\":[{\"term\":{\"content\":\"暴雨\"}}],"
        + "\"must_not\":[{\"term\":{\"content\":\"干旱\"}}]}}")).isEqualTo(1);

    JsonNode properties = ES.mapping(index).path(index).path("mappings").path("properties");
    assertThat(properties.path("content").path("analyzer").asText()).isEqualTo("whitespace");
    assertThat(properties.path("content").path("index_options").asText()).isEqualTo("freqs");
    assertThat(properties.path("url").path("doc_values").asBoolean(true)).isFalse();
    assertThat(properties.path("author").path("properties").path("followers").path("type").asText()).isEqualTo("long");
    assertThat(properties.path("sentimentScore").path("type").asText()).isEqualTo("float");
    assertThat(ES.get(index, "p1")).hasValueSatisfying(d -> assertThat(d.path("site").asText()).isEqualTo("weibo.com"));
  }
}
