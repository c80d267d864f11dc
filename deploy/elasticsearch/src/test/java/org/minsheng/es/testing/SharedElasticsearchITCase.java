package org.minsheng.es.testing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.IndexRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension used the other way (@ExtendWith + injected parameter) and its helpers. */
@ExtendWith(SharedElasticsearch.class)
class SharedElasticsearchITCase {
  private final SharedElasticsearch es;

  SharedElasticsearchITCase(SharedElasticsearch es) {
    this.es = es;
  }

  @BeforeEach
  void clean() {
    es.reset();
  }

  @Test
  void helpersRefreshBeforeTheyCountOrSearch() throws Exception {
    assertThat(es.url()).startsWith("http://");
    assertThat(es.settings().url()).isEqualTo(es.url());
    es.client().index(IndexRequest.of(i -> i.index("minsheng-topics").id("t1")
        .document(Map.of("topicId", "t1", "title", "小区停车收费", "postCount", 12))));
    es.client().index(IndexRequest.of(i -> i.index("minsheng-topics").id("t2")
        .document(Map.of("topicId", "t2", "title", "地铁延误", "postCount", 3))));

    // no explicit refresh: the helpers do it
    assertThat(es.count("minsheng-topics")).isEqualTo(2);
    assertThat(es.count("minsheng-topics", "{\"range\":{\"postCount\":{\"gte\":10}}}")).isEqualTo(1);
    assertThat(es.search("minsheng-topics", "{\"match_phrase\":{\"title\":\"停车\"}}"))
        .extracting(d -> d.path("topicId").asText()).containsExactly("t1");
    assertThat(es.get("minsheng-topics", "t2")).hasValueSatisfying(d -> assertThat(d.path("postCount").asInt()).isEqualTo(3));
    assertThat(es.get("minsheng-topics", "nope")).isEmpty();
    JsonNode agg = es.searchResponse("minsheng-topics", "{\"size\":0,\"aggs\":{\"n\":{\"sum\":{\"field\":\"postCount\"}}}}");
    assertThat(agg.path("aggregations").path("n").path("value").asDouble()).isEqualTo(15.0);
    assertThat(es.count("minsheng-posts")).as("missing index counts as empty").isZero();
  }

  @Test
  void resetEmptiesEveryIndexAndKeepsTheTemplates() throws Exception {
    es.client().index(IndexRequest.of(i -> i.index("minsheng-topics").id("t9").document(Map.of("topicId", "t9"))));
    es.client().index(IndexRequest.of(i -> i.index("minsheng-posts-2026.11").id("p9").document(Map.of("id", "p9"))));
    assertThat(es.count("minsheng-topics")).isEqualTo(1);
    es.reset();
    assertThat(es.count("minsheng-topics")).isZero();
    assertThat(es.count("minsheng-posts")).isZero();
    assertThat(es.mapping("minsheng-topics").path("minsheng-topics").path("mappings").path("properties")
        .path("postCount").path("type").asText()).isEqualTo("long");
  }
}
