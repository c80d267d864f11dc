package org.minsheng.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertDocumentsTest {

  @Test
  void documentCarriesTheContractFieldsAndPendingDeliveries() {
    AlertDetector d = AlertDetector.fromSettings(AlertSettings.defaults());
    ScopeState s = new ScopeState();
    List<Alert> out = new ArrayList<>();
    out.addAll(d.onWindow(s, AlertFixtures.window(ScopeType.TOPIC, "t7", 0, 30, 25, 3)));
    out.addAll(d.onWindow(s, AlertFixtures.window(ScopeType.TOPIC, "t7", 1, 31, 26, 3)));
    Alert a = out.stream().filter(x -> x.rule.equals("burst")).findFirst().orElseThrow();
    Map<String, Object> doc = AlertDocuments.toDocument(a, List.of("dingtalk", "email"));
    assertThat(doc).containsKeys("alertId", "rule", "ruleName", "level", "levelName", "status", "scope", "topicId",
        "title", "keywords", "reason", "figures", "firedAt", "updatedAt", "topPosts", "sites", "regions",
        "dashboardUrl", "history", "deliveries");
    assertThat(doc.get("status")).isEqualTo("new");
    assertThat(doc.get("scope")).isEqualTo(Map.of("type", "topic", "key", "t7"));
    assertThat(doc.get("levelName")).isEqualTo(a.level.chineseName());
    @SuppressWarnings("unchecked")
    Map<String, Object> fig = (Map<String, Object>) doc.get("figures");
    assertThat(fig.get("observed")).isEqualTo(31.0);
    assertThat(fig.get("windowEnd")).isEqualTo(java.time.Instant.ofEpochMilli(AlertFixtures.T0 + 2 * AlertFixtures.W).toString());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> deliveries = (Map<String, Map<String, Object>>) doc.get("deliveries");
    assertThat(deliveries).containsOnlyKeys("dingtalk", "email");
    assertThat(doc.get("pendingChannels")).as("the notifier's indexed outbox entry").isEqualTo(List.of("dingtalk",
        "email"));
    assertThat(deliveries.get("email")).containsEntry("state", "pending").containsEntry("attempts", 0)
        .containsEntry("idempotencyKey", a.alertId + ":" + a.level.name() + ":email");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> posts = (List<Map<String, Object>>) doc.get("topPosts");
    assertThat(posts.get(0)).containsEntry("url", "https://bbs.example.cn/t/1");
    assertThat(AlertDocuments.createOnly(a)).isTrue();
    a.escalation = true;
    assertThat(AlertDocuments.createOnly(a)).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEscalationMergesOnlyTheJobsFieldsStatusNewAndFreshDeliveries() {
    AlertDetector d = AlertDetector.fromSettings(AlertSettings.defaults());
    ScopeState s = new ScopeState();
    List<Alert> out = new ArrayList<>();
    out.addAll(d.onWindow(s, AlertFixtures.window(ScopeType.TOPIC, "t7", 0, 30, 25, 3)));
    out.addAll(d.onWindow(s, AlertFixtures.window(ScopeType.TOPIC, "t7", 1, 31, 26, 3)));
    Alert first = out.stream().filter(x -> x.rule.equals("burst")).findFirst().orElseThrow();
    for (int i = 2; i < 12 && out.stream().noneMatch(x -> x.escalation); i++) {
      out.addAll(d.onWindow(s, AlertFixtures.window(ScopeType.TOPIC, "t7", i, 400 + 100 * i, 300, 3)));
    }
    Alert esc = out.stream().filter(x -> x.escalation && x.rule.equals("burst")).findFirst().orElseThrow();
    assertThat(esc.alertId).isEqualTo(first.alertId);
    assertThat(esc.level.rank()).isGreaterThan(first.level.rank());

    Map<String, Object> partial = AlertDocuments.escalationMerge(esc, List.of("webhook"));
    assertThat(partial).doesNotContainKey("history").containsEntry("status", "new")
        .containsEntry("level", esc.level.name()).containsEntry("alertId", esc.alertId);
    assertThat(partial.keySet()).containsAll(AlertDocuments.JOB_FIELDS.stream()
        .filter(f -> !f.equals("topicId") || esc.topicId != null).toList());
    assertThat(AlertDocuments.JOB_FIELDS).doesNotContain("status", "history", "deliveries", "alertId", "firedAt");
    List<Map<String, Object>> firings = (List<Map<String, Object>>) partial.get("firings");
    assertThat(firings.get(0)).containsEntry("action", "fired").containsEntry("level", first.level.name());
    assertThat(firings.get(firings.size() - 1)).containsEntry("action", "escalated")
        .containsEntry("fromLevel", first.level.name())
        .containsEntry("note", "escalated from " + first.level.name() + " " + first.level.chineseName() + " to "
            + esc.level.name() + " " + esc.level.chineseName());
    assertThat(partial.get("pendingChannels")).as("delivered channels pending again").isEqualTo(List.of("webhook"));
    // every field of the delivery entry, so the merge leaves nothing of the previous level's lease or outcome
    assertThat(((Map<String, Map<String, Object>>) partial.get("deliveries")).get("webhook"))
        .containsEntry("state", "pending").containsEntry("attempts", 0)
        .containsEntry("idempotencyKey", esc.alertId + ":" + esc.level.name() + ":webhook")
        .containsEntry("leaseUntil", "1970-01-01T00:00:00Z").containsEntry("nextAttemptAt", "1970-01-01T00:00:00Z")
        .containsEntry("owner", "").containsEntry("deliveredAt", "").containsEntry("lastError", "");
    Map<String, Object> created = AlertDocuments.toDocument(first, List.of("webhook"));
    assertThat((List<Map<String, Object>>) created.get("history")).singleElement()
        .satisfies(h -> assertThat(h).containsEntry("status", "new").containsEntry("by", "job"));

    AlertDocumentConverter converter = new AlertDocumentConverter("minsheng-alerts", List.of("webhook"));
    assertThat(converter.convert(first).mode()).isEqualTo(org.minsheng.analysis.sink.SinkDocument.WriteMode.CREATE);
    org.minsheng.analysis.sink.SinkDocument w = converter.convert(esc);
    assertThat(w.mode()).isEqualTo(org.minsheng.analysis.sink.SinkDocument.WriteMode.MERGE);
    assertThat(w.source().has("history")).isFalse();
    assertThat(w.source().path("level").asText()).isEqualTo(esc.level.name());
  }

  @Test
  void defaultsFileBindsAndUserFileTyposFail(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    AlertSettings s = AlertSettings.defaults();
    assertThat(s.window.size).hasSeconds(30);
    assertThat(s.levels.I.minRatio).isEqualTo(20.0);
    assertThat(s.scopes.warmupTypes).containsExactly("keyword", "region", "watchlist");
    java.nio.file.Path user = dir.resolve("alerts.yaml");
    java.nio.file.Files.writeString(user, "alerts:\n  watchlist:\n    rules:\n      - name: 拆迁\n        expression: 拆迁 AND (补偿 OR 强拆)\n"
        + "        regions: [江苏]\n        minPosts: 1\n", java.nio.charset.StandardCharsets.UTF_8);
    AlertSettings custom = AlertSettings.load(user, Map.of("MINSHENG_ALERTS_BURST_MINVOLUME", "12"));
    assertThat(custom.watchlist.rules).hasSize(1);
    assertThat(custom.watchlist.rules.get(0).minPosts).isEqualTo(1);
    assertThat(custom.burst.minVolume).isEqualTo(12);
    java.nio.file.Files.writeString(user, "alerts:\n  burst:\n    minVolum: 3\n", java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertSettings.load(user, Map.of()))
        .hasMessageContaining("unknown setting 'alerts.burst.minVolum'");
  }
}
