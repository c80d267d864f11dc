package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.config.Settings;

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
  void postsTemplateIndexesNoMoreThanTheQueriesNeed() {
    JsonNode t = IndexTemplates.defaults().template("posts");
    assertThat(t.path("version").asInt()).isGreaterThanOrEqualTo(3);
    JsonNode p = t.path("template").path("mappings").path("properties");
    // content is only searched with term queries: frequencies for scoring, no positions
    assertThat(p.path("content").path("index_options").asText()).isEqualTo("freqs");
    // title and text keep positions: match_phrase finds exact substrings there
    assertThat(p.path("title").has("index_options")).isFalse();
    assertThat(p.path("text").has("index_options")).isFalse();
    // never sorted or aggregated: searchable, without doc values
    for (String f : List.of("url", "contentHash", "simhash")) {
      assertThat(p.path(f).path("doc_values").isBoolean()).as(f).isTrue();
      assertThat(p.path(f).path("doc_values").asBoolean()).as(f).isFalse();
      assertThat(p.path(f).has("index")).as(f).isFalse();
    }
    // aggregated, sorted or filtered by the API and the bench: doc values stay
    for (String f : List.of("id", "site", "region", "sentiment", "emotion", "keywords", "topicId", "duplicateOf")) {
      assertThat(p.path(f).has("doc_values")).as(f).isFalse();
    }
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

  @Test
  void shardsAndReplicasPerFamilyFromSettingsAndEnvironment() {
    Settings settings = Settings.load("minsheng-elasticsearch.yaml", null, Map.of(
        "MINSHENG_ELASTICSEARCH_INDEX_REPLICAS", "1",
        "MINSHENG_ELASTICSEARCH_INDEX_POSTS_SHARDS", "4",
        "MINSHENG_ELASTICSEARCH_INDEX_SOURCES_REPLICAS", "0"));
    IndexTemplates t = IndexTemplates.from(settings);
    assertThat(t.sizing("posts")).isEqualTo(new IndexSizing(4, 1));
    assertThat(t.sizing("sources")).isEqualTo(new IndexSizing(1, 0));
    assertThat(t.sizing("trends")).isEqualTo(new IndexSizing(1, 1));
    assertThat(t.template("posts").path("template").path("settings").path("number_of_shards").asInt()).isEqualTo(4);
    assertThat(t.template("posts").path("template").path("settings").path("number_of_replicas").asInt()).isEqualTo(1);
    assertThat(t.template("sources").path("template").path("settings").path("number_of_replicas").asInt()).isZero();
    assertThat(t.template("alerts").path("template").path("settings").path("number_of_shards").asInt()).isEqualTo(1);
  }

  @Test
  void defaultsAreOneShardNoReplicaForEveryFamily() {
    IndexTemplates t = IndexTemplates.from(Settings.load("minsheng-elasticsearch.yaml", null, Map.of()));
    for (String family : IndexTemplates.TEMPLATES) {
      assertThat(t.sizing(family)).as(family).isEqualTo(IndexSizing.SINGLE_NODE);
    }
  }

  @Test
  void badSizingIsRefusedWithTheSettingName() {
    assertThatThrownBy(() -> IndexTemplates.from(Settings.load("minsheng-elasticsearch.yaml", null,
        Map.of("MINSHENG_ELASTICSEARCH_INDEX_TRENDS_SHARDS", "many"))))
        .hasMessageContaining("elasticsearch.index.trends.shards");
    assertThatThrownBy(() -> IndexTemplates.from(Settings.load("minsheng-elasticsearch.yaml", null,
        Map.of("MINSHENG_ELASTICSEARCH_INDEX_POSTS_SHARDS", "0")))).hasMessageContaining("shards must be >= 1");
    assertThatThrownBy(() -> new IndexTemplates(IndexNames.DEFAULT, IndexSizing.SINGLE_NODE,
        Map.of("comments", IndexSizing.SINGLE_NODE))).hasMessageContaining("no index family 'comments'");
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
