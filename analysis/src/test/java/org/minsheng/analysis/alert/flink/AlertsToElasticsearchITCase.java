package org.minsheng.analysis.alert.flink;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.minsheng.analysis.testing.MiniClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDocuments;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.es.testing.SharedElasticsearch;

/**
 * Fixture posts → alert stages (MiniCluster, parallelism 2) → documents in the real {@code minsheng-alerts} index
 * (template applied by the shared node): one graded burst alert with a pending delivery per configured channel, and
 * nothing for a background-only stream. The notifier side of the same documents is covered by
 * {@code org.minsheng.notify.ElasticsearchOutboxITCase} in dashboard-api.
 */
class AlertsToElasticsearchITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManager(2);

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  private static final List<String> CHANNELS = List.of("dingtalk", "wecom", "feishu", "webhook", "email");

  private static List<Alert> run(List<AnalyzedPost> posts) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    AlertSettings s = AlertSettings.defaults();
    s.scopes.keywords = List.of("拆迁");
    s.scopes.regions = false;
    s.negativeSurge.enabled = false;
    s.content.channels = CHANNELS;
    DataStream<AnalyzedPost> in = env.fromData(posts)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<AnalyzedPost>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((p, ts) -> p.post.publishedAt().toEpochMilli()));
    List<Alert> alerts = new ArrayList<>();
    try (var it = AlertStages.apply(in, s).executeAndCollect()) {
      it.forEachRemaining(alerts::add);
    }
    return alerts;
  }

  @Test
  void aBurstBecomesOneGradedAlertDocumentWithAPendingDeliveryPerChannel() throws Exception {
    List<AnalyzedPost> all = AlertStagesITCase.fixture();
    List<Alert> alerts = run(all);
    assertThat(alerts).filteredOn(a -> !a.escalation).extracting(a -> a.rule).containsExactly("burst");
    for (Alert a : alerts) {
      Map<String, Object> doc = AlertDocuments.toDocument(a, CHANNELS);
      ES.client().index(i -> i.index(ES.names().alerts()).id(a.alertId).document(doc).refresh(Refresh.True));
    }
    String id = alerts.get(0).alertId;
    JsonNode stored = ES.get(ES.names().alerts(), id).orElseThrow();
    assertThat(stored.get("rule").asText()).isEqualTo("burst");
    assertThat(stored.get("level").asText()).isIn("I", "II", "III", "IV");
    assertThat(stored.get("levelName").asText()).isIn("红", "橙", "黄", "蓝");
    assertThat(stored.get("status").asText()).isEqualTo("new");
    assertThat(stored.get("reason").asText()).contains("关键词「拆迁」").contains("基线");
    assertThat(stored.at("/topPosts/0/url").asText()).startsWith("https://");
    for (String ch : CHANNELS) {
      assertThat(stored.at("/deliveries/" + ch + "/state").asText()).isEqualTo("pending");
      assertThat(stored.at("/deliveries/" + ch + "/idempotencyKey").asText()).startsWith(id + ":");
    }
    assertThat(ES.count(ES.names().alerts(), "{\"term\":{\"alertId\":\"" + id + "\"}}")).isEqualTo(1);
    assertThat(ES.count(ES.names().alerts(), "{\"term\":{\"scope.key\":\"拆迁\"}}")).isEqualTo(1);
  }

  @Test
  void backgroundAloneRaisesNothing() throws Exception {
    List<AnalyzedPost> background = AlertStagesITCase.fixture().stream()
        .filter(p -> !p.normalisedText.contains("维权")).toList();
    assertThat(run(background)).isEmpty();
  }
}
