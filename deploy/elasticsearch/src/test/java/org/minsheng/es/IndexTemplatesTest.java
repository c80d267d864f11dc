package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

  @Test
  void sixVersionedTemplates() {
    Map<String, ObjectNode> all = IndexTemplates.defaults().templates();
    assertThat(all.keySet()).containsExactly("minsheng-posts", "minsheng-deadletters", "minsheng-topics",
        "minsheng-trends", "minsheng-alerts", "minsheng-sources");
    all.forEach((name, body) -> {
      assertThat(body.path("version").isInt()).as(name + " version").isTrue();
      assertThat(body.path("template").path("mappings").path("properties").size()).as(name).isPositive();
    });
  }

  @Test
  void postsTemplateHasEveryContractFieldWithItsType() {
    JsonNode p = IndexTemplates.defaults().template("posts").path("template").path("mappings").path("properties");
    for (String keyword : List.of("id", "platform", "site", "url", "region", "parentId", "contentHash", "tokens",
        "sentiment", "emotion", "simhash", "duplicateOf", "duplicateKind", "keywords", "persons", "places",
        "organisations", "topicId", "reprintSites")) {
      assertThat(p.path(keyword).path("type").asText()).as(keyword).isEqualTo("keyword");
    }
    for (String date : List.of("publishedAt", "fetchedAt", "indexedAt")) {
      assertThat(p.path(date).path("type").asText()).as(date).isEqualTo("date");
    }
    for (String metric : List.of("reposts", "comments", "likes", "views")) {
      assertThat(p.path("metrics").path("properties").path(metric).path("type").asText()).isEqualTo("long");
    }
    assertThat(p.path("author").path("properties").path("name").path("type").asText()).isEqualTo("keyword");
    assertThat(p.path("author").path("properties").path("followers").path("type").asText()).isEqualTo("long");
    assertThat(p.path("author").path("properties").path("verified").path("type").asText()).isEqualTo("boolean");
    assertThat(p.path("title").path("analyzer").asText()).isEqualTo("standard");
    assertThat(p.path("text").path("analyzer").asText()).isEqualTo("standard");
    assertThat(p.path("content").path("analyzer").asText()).isEqualTo("whitespace");
    for (String f : List.of("sentimentScore", "sentimentConfidence", "spamScore")) {
      assertThat(p.path(f).path("type").asText()).as(f).isEqualTo("float");
    }
    assertThat(p.path("spam").path("type").asText()).isEqualTo("boolean");
    assertThat(p.path("reprintCount").path("type").asText()).isEqualTo("long");
    assertThat(p.size()).isEqualTo(32); // nothing undocumented
  }

  @Test
  void onlyCoreAnalysersAreUsed() {
    List<String> analysers = new ArrayList<>();
    IndexTemplates.defaults().templates().values().forEach(t -> collect(t, analysers));
    assertThat(analysers).isNotEmpty().allMatch(a -> List.of("standard", "whitespace", "keyword").contains(a));
  }

  @Test
  void prefixShardsAndReplicasAreApplied() {
    IndexTemplates t = new IndexTemplates(new IndexNames("ms-it"), 3, 1);
    ObjectNode posts = t.template("posts");
    assertThat(posts.path("index_patterns").toString()).isEqualTo("[\"ms-it-posts-*\"]");
    assertThat(posts.path("template").path("aliases").has("ms-it-posts")).isTrue();
    assertThat(posts.path("template").path("aliases").has("minsheng-posts")).isFalse();
    assertThat(posts.path("template").path("settings").path("number_of_shards").asInt()).isEqualTo(3);
    assertThat(posts.path("template").path("settings").path("number_of_replicas").asInt()).isEqualTo(1);
    assertThat(t.template("deadletters").path("index_patterns").toString()).isEqualTo("[\"ms-it-deadletters\"]");
    assertThat(t.templates()).containsKey("ms-it-alerts");
  }

  private static void collect(JsonNode node, List<String> analysers) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("analyzer")) {
          analysers.add(e.getValue().asText());
        } else {
          collect(e.getValue(), analysers);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, analysers));
    }
  }
}
