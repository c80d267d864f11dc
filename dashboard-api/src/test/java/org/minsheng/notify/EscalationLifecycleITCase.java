package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.apache.http.util.EntityUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDocumentConverter;
import org.minsheng.analysis.alert.AlertLevel;
import org.minsheng.analysis.alert.Figures;
import org.minsheng.analysis.alert.PostRef;
import org.minsheng.analysis.sink.ElasticsearchSink;
import org.minsheng.api.query.EsAlertStore;
import org.minsheng.es.testing.SharedElasticsearch;

/**
 * The job and the API on one alert document in a real Elasticsearch node: the alert is created by the job's writer
 * (the Elasticsearch sink with {@link AlertDocumentConverter}), delivered by the notifier, acknowledged through the
 * API's store; then the job escalates it (III 黄 → II 橙) through the same writer. The document must keep the
 * acknowledgement and who made it in {@code history}, show the escalation (level, figures, escalatedAt, a
 * {@code firings} entry "escalated from III 黄 to II 橙", status back to new) and queue the escalation once per channel.
 */
class EscalationLifecycleITCase {
  private static final List<String> CHANNELS = List.of("webhook");
  private static final Instant FIRED = Instant.parse("2026-11-21T02:00:30Z");
  private static final Instant ESCALATED = Instant.parse("2026-11-21T02:03:00Z");

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  private final String index = "test-alerts-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private ElasticsearchClient client;
  private SinkWriter<Alert> writer;

  @BeforeEach
  void setUp() throws Exception {
    client = ES.client();
    // an index with the mapping of the minsheng-alerts template (deliveries stored, not indexed), as the outbox expects
    Response r = ES.restClient().performRequest(new Request("GET", "/_index_template"));
    JsonNode templates = new ObjectMapper().readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
    JsonNode mappings = null;
    for (JsonNode t : templates.path("index_templates")) {
      for (JsonNode pattern : t.path("index_template").path("index_patterns")) {
        if (pattern.asText().equals(ES.names().alerts())) {
          mappings = t.path("index_template").path("template").path("mappings");
        }
      }
    }
    assertThat(mappings).as("template for " + ES.names().alerts()).isNotNull();
    Request create = new Request("PUT", "/" + index);
    create.setJsonEntity("{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":" + mappings
        + "}");
    ES.restClient().performRequest(create);
    writer = ElasticsearchSink.<Alert>builder()
        .connection(ES.settings())
        .converter(new AlertDocumentConverter(index, CHANNELS))
        .deadLetterIndex(index + "-deadletters")
        .build()
        .createWriter(writerContext());
  }

  @AfterEach
  void tearDown() throws Exception {
    writer.close();
    ES.restClient().performRequest(new Request("DELETE", "/" + index + "*"));
  }

  @Test
  void escalationKeepsTheAcknowledgementShowsTheEscalationAndIsDeliveredOncePerChannel() throws Exception {
    MutableClock clock = new MutableClock(FIRED.plusSeconds(5));
    try (TestReceiver hook = new TestReceiver()) {
      Notifier notifier = notifier(hook, clock);
      Alert first = alert(AlertLevel.III, 31, false);
      write(first);
      assertThat(notifier.pollOnce(10)).isEqualTo(1);
      assertThat(hook.requests.get(0).header("Idempotency-Key")).isEqualTo(first.alertId + ":III:webhook");

      EsAlertStore api = new EsAlertStore(client, index);
      Instant ackAt = FIRED.plusSeconds(60);
      api.transition(first.alertId, "acknowledged", "duty.officer", ackAt).orElseThrow();
      assertThat(doc(first.alertId).path("status").asText()).isEqualTo("acknowledged");

      // replaying the creation (job restart) changes nothing
      long seqNo = seqNo(first.alertId);
      write(first);
      assertThat(seqNo(first.alertId)).isEqualTo(seqNo);

      Alert escalated = alert(AlertLevel.II, 120, true);
      write(escalated);
      JsonNode d = doc(first.alertId);
      assertThat(d.path("level").asText()).isEqualTo("II");
      assertThat(d.path("levelName").asText()).isEqualTo("橙");
      assertThat(d.at("/figures/observed").asDouble()).isEqualTo(120.0);
      assertThat(d.path("escalatedAt").asText()).isEqualTo(ESCALATED.toString());
      assertThat(d.path("status").asText()).as("leaders must see a more serious alert again").isEqualTo("new");
      List<String> history = new ArrayList<>();
      for (JsonNode h : d.path("history")) {
        history.add(h.path("status").asText() + "|" + h.path("level").asText() + "|" + h.path("by").asText() + "|"
            + h.path("at").asText());
      }
      assertThat(history).as("the lifecycle the API recorded is kept").containsExactly(
          "new|III|job|" + FIRED,
          "acknowledged|III|duty.officer|" + ackAt);
      JsonNode esc = d.path("firings").get(1);
      assertThat(d.path("firings")).hasSize(2);
      assertThat(esc.path("action").asText()).isEqualTo("escalated");
      assertThat(esc.path("note").asText()).isEqualTo("escalated from III 黄 to II 橙");
      assertThat(esc.path("at").asText()).isEqualTo(ESCALATED.toString());
      assertThat(d.at("/deliveries/webhook/state").asText()).isEqualTo("pending");
      assertThat(d.at("/deliveries/webhook/idempotencyKey").asText()).isEqualTo(first.alertId + ":II:webhook");
      assertThat(d.at("/deliveries/webhook/attempts").asInt()).isZero();

      // the escalation is delivered once on the channel, and only once
      clock.advance(Duration.ofMinutes(3));
      assertThat(notifier.pollOnce(10)).isEqualTo(1);
      clock.advance(Duration.ofMinutes(5));
      assertThat(notifier.pollOnce(10)).isZero();
      assertThat(hook.requests).hasSize(2);
      assertThat(hook.requests.get(1).header("Idempotency-Key")).isEqualTo(first.alertId + ":II:webhook");
      assertThat(hook.requests.get(1).body()).contains("\"level\":\"II\"");

      // acknowledged again through the API: both acknowledgements are in the history, the escalation stays shown
      api.transition(first.alertId, "acknowledged", "deputy", ESCALATED.plusSeconds(90)).orElseThrow();
      JsonNode after = doc(first.alertId);
      assertThat(after.path("status").asText()).isEqualTo("acknowledged");
      assertThat(after.path("history")).hasSize(3);
      assertThat(after.path("history").get(2).path("level").asText()).isEqualTo("II");
      assertThat(after.path("history").get(2).path("by").asText()).isEqualTo("deputy");
      assertThat(after.path("level").asText()).isEqualTo("II");
      assertThat(after.path("firings")).hasSize(2);
      assertThat(after.at("/deliveries/webhook/state").asText()).isEqualTo("delivered");
      clock.advance(Duration.ofMinutes(5));
      assertThat(notifier.pollOnce(10)).isZero();
      assertThat(hook.requests).hasSize(2);
    }
  }

  @Test
  void anEscalationWhoseCreationNeverArrivedCreatesTheWholeDocument() throws Exception {
    Alert escalated = alert(AlertLevel.II, 120, true);
    write(escalated);
    JsonNode d = doc(escalated.alertId);
    assertThat(d.path("level").asText()).isEqualTo("II");
    assertThat(d.path("status").asText()).isEqualTo("new");
    assertThat(d.path("firings").get(1).path("note").asText()).isEqualTo("escalated from III 黄 to II 橙");
    assertThat(d.at("/deliveries/webhook/idempotencyKey").asText()).isEqualTo(escalated.alertId + ":II:webhook");
  }

  private void write(Alert a) throws Exception {
    writer.write(a, null);
    writer.flush(false);
    client.indices().refresh(r -> r.index(index));
  }

  private JsonNode doc(String id) throws Exception {
    return client.get(g -> g.index(index).id(id), ObjectNode.class).source();
  }

  private long seqNo(String id) throws Exception {
    GetResponse<ObjectNode> r = client.get(g -> g.index(index).id(id), ObjectNode.class);
    return r.seqNo();
  }

  private Notifier notifier(TestReceiver hook, MutableClock clock) {
    HttpPoster http = new HttpPoster(Duration.ofSeconds(2));
    return new Notifier(new ElasticsearchOutbox(client, index, Duration.ofDays(7)),
        List.of(new Notifier.Route(new WebhookChannel("webhook", hook.url("/hook"), "s", http, clock),
            QuietHours.NONE)),
        new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(2)), 60, Duration.ofMinutes(2), "n1", clock);
  }

  /** The records the detector emits for one burst: the new alert (III) and, with {@code escalation}, its II. */
  private static Alert alert(AlertLevel level, double observed, boolean escalation) {
    Alert a = new Alert();
    a.alertId = "0123456789abcdef0123";
    a.rule = "burst";
    a.ruleName = "声量突增";
    a.level = level;
    a.escalation = escalation;
    a.scopeType = "keyword";
    a.scopeKey = "拆迁";
    a.title = "关键词「拆迁」";
    a.keywords = List.of("拆迁", "补偿");
    a.reason = "【" + level.name() + "级】关键词「拆迁」声量突增：本窗口 " + (long) observed + " 条";
    Figures f = new Figures();
    f.observed = observed;
    f.baseline = 10;
    f.ratio = observed / 10;
    f.volume = (long) observed;
    f.sites = 3;
    f.windows = 2;
    Instant at = escalation ? ESCALATED : FIRED;
    f.windowStart = at.minusSeconds(30).toEpochMilli();
    f.windowEnd = at.toEpochMilli();
    a.figures = f;
    a.firedAt = FIRED.toEpochMilli();
    a.updatedAt = at.toEpochMilli();
    a.escalatedAt = escalation ? ESCALATED.toEpochMilli() : 0;
    a.topPosts = List.of(new PostRef("p1", "某地拆迁补偿引争议", "https://bbs.example.cn/t/1", "bbs.example.cn", 42));
    a.sites = List.of("bbs.example.cn");
    a.regions = List.of("江苏");
    a.dashboardUrl = "http://127.0.0.1:8080/#/alerts/" + a.alertId;
    a.history = new ArrayList<>(List.of(FIRED.toEpochMilli() + "|III"));
    if (escalation) {
      a.history.add(ESCALATED.toEpochMilli() + "|" + level.name());
    }
    return a;
  }

  /** The writer's context outside a Flink task: no timer service (flushes are explicit), no metrics, no reuse. */
  private static WriterInitContext writerContext() {
    return (WriterInitContext) Proxy.newProxyInstance(EscalationLifecycleITCase.class.getClassLoader(),
        new Class<?>[] {WriterInitContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getProcessingTimeService" -> null;
          case "metricGroup" -> UnregisteredMetricsGroup.createSinkWriterMetricGroup();
          case "isObjectReuseEnabled" -> false;
          case "toString" -> "test writer context";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
