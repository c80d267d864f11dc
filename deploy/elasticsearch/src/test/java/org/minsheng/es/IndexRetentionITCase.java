package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.es.testing.SharedElasticsearch;

/** Retention against the real node: old monthly indices go, recent ones and oddly named ones stay. */
class IndexRetentionITCase {
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();

  private final YearMonth now = YearMonth.now(ZoneOffset.UTC);
  private final String current = "minsheng-posts-" + String.format("%04d.%02d", now.getYear(), now.getMonthValue());
  private final YearMonth edge = now.minusMonths(13); // ended less than 13 months ago: kept
  private final String kept = "minsheng-posts-" + String.format("%04d.%02d", edge.getYear(), edge.getMonthValue());

  @BeforeEach
  @AfterEach
  void clean() {
    ES.reset();
  }

  private void post(String index, String id) throws IOException {
    Request put = new Request("PUT", "/" + index + "/_doc/" + id);
    put.setJsonEntity("{\"id\":\"" + id + "\",\"site\":\"example.cn\"}");
    ES.restClient().performRequest(put);
  }

  private boolean exists(String index) throws IOException {
    return ES.restClient().performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode() == 200;
  }

  @Test
  void deletesOnlyMonthlyIndicesOlderThanTheRetention() throws IOException {
    List<String> old = List.of("minsheng-posts-2020.01", "minsheng-posts-2024.02");
    for (String index : old) {
      post(index, index);
    }
    post(current, "now");
    post(kept, "edge");
    post("minsheng-posts-2020.01-reindexed", "copy");
    assertThat(ES.count("minsheng-posts")).isEqualTo(5); // the copy matches the template pattern: aliased too
    IndexRetention retention = new IndexRetention(ES.names().posts(), RetentionPeriod.parse("13 months"),
        Clock.systemUTC());

    IndexRetention.Plan dry = retention.run(ES.restClient(), true);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.expired()).containsExactlyElementsOf(old);
    assertThat(dry.deleted()).isEmpty();
    for (String index : old) {
      assertThat(exists(index)).as(index + " after a dry run").isTrue();
    }

    IndexRetention.Plan done = retention.run(ES.restClient(), false);
    assertThat(done.deleted()).containsExactlyElementsOf(old);
    assertThat(done.kept()).containsExactlyInAnyOrder(current, kept);
    assertThat(done.unrecognised()).containsExactly("minsheng-posts-2020.01-reindexed");
    for (String index : old) {
      assertThat(exists(index)).as(index).isFalse();
    }
    assertThat(exists(current)).isTrue();
    assertThat(exists(kept)).isTrue();
    assertThat(exists("minsheng-posts-2020.01-reindexed")).isTrue();
    assertThat(exists("minsheng-deadletters")).isTrue();
    assertThat(ES.count("minsheng-posts")).isEqualTo(3);

    assertThat(retention.run(ES.restClient(), false).deleted()).as("second run").isEmpty();
  }

  @Test
  void noPostsIndicesAtAllIsFine() {
    IndexRetention.Plan plan = new IndexRetention(ES.names().posts(), RetentionPeriod.parse("1 month"),
        Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC)).run(ES.restClient(), false);
    assertThat(plan.expired()).isEmpty();
    assertThat(plan.kept()).isEmpty();
  }

  @Test
  void theLocalNodeHasNoIlmAndSaysSo() {
    // the integ-test distribution has no ILM module: the name-based job is the retention there
    assertThat(IlmRetentionPolicy.available(ES.restClient())).isFalse();
  }

  @Test
  void replicasFollowTheSettingOnExistingIndices() throws IOException {
    post(current, "now");
    new IndexTemplates(IndexNames.DEFAULT, IndexSizing.SINGLE_NODE,
        java.util.Map.of("posts", new IndexSizing(2, 1), "topics", new IndexSizing(1, 1))).apply(ES.restClient());
    assertThat(replicas(current)).isEqualTo("1");
    assertThat(replicas("minsheng-topics")).isEqualTo("1");
    assertThat(replicas("minsheng-alerts")).isEqualTo("0");
    String next = "minsheng-posts-2099.01";
    post(next, "future");
    assertThat(setting(next, "number_of_shards")).isEqualTo("2");
    IndexTemplates.defaults().apply(ES.restClient());
    assertThat(replicas(current)).isEqualTo("0");
  }

  private String replicas(String index) throws IOException {
    return setting(index, "number_of_replicas");
  }

  private String setting(String index, String name) throws IOException {
    var r = ES.restClient().performRequest(new Request("GET", "/" + index + "/_settings"));
    return EsConnection.objectMapper().readTree(r.getEntity().getContent())
        .path(index).path("settings").path("index").path(name).asText();
  }
}
