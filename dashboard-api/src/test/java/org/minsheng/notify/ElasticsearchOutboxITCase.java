package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.es.testing.SharedElasticsearch;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The outbox on a real Elasticsearch node (the shared test node), in an index created with the mapping of the
 * {@code minsheng-alerts} template (deliveries stored, not indexed): one delivery per configured channel, a receiver
 * outage of ten minutes followed by full delivery, and two notifiers racing on the same outbox.
 */
class ElasticsearchOutboxITCase {
  static final List<String> CHANNELS = List.of("dingtalk", "wecom", "feishu", "webhook", "email");
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  private ElasticsearchClient client;
  private GreenMail mail;
  private TestReceiver robots;
  private TestReceiver hook;
  private final String index = "test-alerts-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  @BeforeEach
  void createIndexWithTheAlertsTemplateMapping() throws Exception {
    client = ES.client();
    Response r = ES.restClient().performRequest(new Request("GET", "/_index_template"));
    JsonNode templates = JSON.readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
    JsonNode mappings = null;
    for (JsonNode t : templates.path("index_templates")) {
      for (JsonNode pattern : t.path("index_template").path("index_patterns")) {
        if (pattern.asText().equals(ES.names().alerts())) {
          mappings = t.path("index_template").path("template").path("mappings");
        }
      }
    }
    assertThat(mappings).as("template for " + ES.names().alerts()).isNotNull();
    assertThat(mappings.at("/properties/deliveries/enabled").asBoolean(true)).isFalse();
    Request create = new Request("PUT", "/" + index);
    create.setJsonEntity("{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":" + mappings + "}");
    ES.restClient().performRequest(create);
  }

  @BeforeEach
  void startReceivers() throws Exception {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    robots = new TestReceiver();
    hook = new TestReceiver();
  }

  @AfterEach
  void stopReceivers() throws Exception {
    hook.close();
    robots.close();
    mail.stop();
  }

  @AfterEach
  void dropIndex() throws Exception {
    ES.restClient().performRequest(new Request("DELETE", "/" + index));
  }

  void put(ObjectNode doc) throws Exception {
    client.index(i -> i.index(index).id(doc.get("alertId").asText()).document(doc).refresh(Refresh.True));
  }

  JsonNode get(String id) throws Exception {
    return client.get(g -> g.index(index).id(id), ObjectNode.class).source();
  }

  void refresh() throws Exception {
    client.indices().refresh(r -> r.index(index));
  }

  private Notifier notifier(String owner, MutableClock clock) {
    HttpPoster http = new HttpPoster(Duration.ofSeconds(2));
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    List<Notifier.Route> routes = List.of(
        new Notifier.Route(new DingTalkChannel("dingtalk", robots.url("/robot/send?access_token=t"), "SECtest",
            List.of(), http, clock), QuietHours.NONE),
        new Notifier.Route(new WeComChannel("wecom", robots.url("/cgi-bin/webhook/send?key=k"), List.of(), http),
            QuietHours.NONE),
        new Notifier.Route(new FeishuChannel("feishu", robots.url("/open-apis/bot/v2/hook/t"), "demo", false, http,
            clock), QuietHours.NONE),
        new Notifier.Route(new WebhookChannel("webhook", hook.url("/hook"), "s", http, clock), QuietHours.NONE),
        new Notifier.Route(new EmailChannel("email", smtp, "minsheng@example.cn", List.of("duty@example.cn"), null,
            null), QuietHours.NONE));
    return new Notifier(new ElasticsearchOutbox(client, index, Duration.ofDays(7)), routes,
        new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(2)), 60, Duration.ofMinutes(2), owner, clock);
  }

  /** One alert → one delivery per channel; then a webhook outage of 10 min; then full delivery. */
  @Test
  void deliversOncePerChannelAndSurvivesAnOutage() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T02:46:00Z"));
    robots.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0,\"msg\":\"success\"}");
    put(AlertDocs.alert("a1", "II", CHANNELS));
    long seqNo = client.get(g -> g.index(index).id("a1"), ObjectNode.class).seqNo();
    Notifier n = notifier("n1", clock);
    assertThat(n.pollOnce(50)).isEqualTo(5);
    assertThat(client.get(g -> g.index(index).id("a1"), ObjectNode.class).seqNo())
        .as("one conditional update for the five leases, one for the five outcomes").isEqualTo(seqNo + 2);
    refresh();
    for (String ch : CHANNELS) {
      assertThat(get("a1").at("/deliveries/" + ch + "/state").asText()).as(ch).isEqualTo("delivered");
    }
    assertThat(get("a1").get("pendingChannels")).as("every channel done").isEmpty();
    assertThat(robots.requests).hasSize(3);
    assertThat(hook.requests).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(n.pollOnce(50)).as("nothing twice").isZero();

    hook.answer(503, "down");
    for (int i = 0; i < 3; i++) {
      put(AlertDocs.alert("b" + i, "III", List.of("webhook")));
    }
    Instant back = clock.instant().plus(Duration.ofMinutes(10));
    while (clock.instant().isBefore(back)) {
      n.pollOnce(50);
      refresh();
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(get("b0").at("/deliveries/webhook/state").asText()).isEqualTo("pending");
    assertThat(get("b0").at("/deliveries/webhook/lastError").asText()).contains("HTTP 503");
    assertThat(get("b0").get("pendingChannels")).singleElement().extracting(JsonNode::asText).isEqualTo("webhook");
    hook.answer(200, "ok");
    int delivered = 0;
    for (int i = 0; i < 20 && delivered < 3; i++) {
      clock.advance(Duration.ofSeconds(10));
      delivered += n.pollOnce(50);
      refresh();
    }
    assertThat(delivered).isEqualTo(3);
    assertThat(hook.requests.stream().filter(r -> r.status() == 200)
        .map(r -> r.header("Idempotency-Key")).filter(k -> k.startsWith("b"))).hasSize(3)
        .containsExactlyInAnyOrder("b0:III:webhook", "b1:III:webhook", "b2:III:webhook");
    for (int i = 0; i < 3; i++) {
      assertThat(get("b" + i).at("/deliveries/webhook/state").asText()).isEqualTo("delivered");
      assertThat(get("b" + i).at("/deliveries/webhook/attempts").asInt()).isGreaterThan(3);
    }
  }

  /**
   * The scan selects alerts by the indexed {@code pendingChannels}: an alert whose list names none of the notifier's
   * channels is not read, one that names a channel is; other channels' entries stay pending in the list.
   */
  @Test
  void onlyAlertsWithOneOfItsChannelsPendingAreRead() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T04:00:00Z"));
    ObjectNode listed = AlertDocs.alert("d1", "III", List.of("webhook", "pager"));
    listed.putArray("pendingChannels").add("webhook").add("pager");
    put(listed);
    ObjectNode done = AlertDocs.alert("d2", "III", List.of("webhook"));
    done.putArray("pendingChannels"); // says nothing is pending: the entry below is not looked at
    put(done);
    Notifier n = notifier("n1", clock);
    assertThat(n.pollOnce(50)).isEqualTo(1);
    assertThat(hook.requests).singleElement().extracting(r -> r.header("Idempotency-Key"))
        .isEqualTo("d1:III:webhook");
    assertThat(get("d1").get("pendingChannels")).as("pager is not this notifier's").singleElement()
        .extracting(JsonNode::asText).isEqualTo("pager");
  }

  /** Alerts written before pendingChannels existed are found once a starting notifier has given them the field. */
  @Test
  void olderAlertsWithDeliveriesPendingAreAdopted() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T05:00:00Z"));
    put(AlertDocs.olderAlert("o1", "II", List.of("webhook")));
    ObjectNode delivered = AlertDocs.olderAlert("o2", "II", List.of("webhook"));
    ((ObjectNode) delivered.at("/deliveries/webhook")).put("state", "delivered");
    put(delivered);
    Notifier n = notifier("n1", clock);
    assertThat(n.pollOnce(50)).as("invisible to the scan before").isZero();

    PendingChannelsBackfill backfill = new PendingChannelsBackfill(client, index);
    assertThat(backfill.run()).isEqualTo(1);
    assertThat(get("o2").has("pendingChannels")).as("nothing pending: left alone").isFalse();
    refresh();
    assertThat(backfill.run()).as("idempotent").isZero();
    assertThat(n.pollOnce(50)).isEqualTo(1);
    assertThat(hook.requests).singleElement().extracting(r -> r.header("Idempotency-Key"))
        .isEqualTo("o1:II:webhook");
  }

  /** Two notifiers polling the same outbox concurrently: every delivery is sent exactly once. */
  @Test
  void twoNotifiersNeverBothDeliver() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T03:00:00Z"));
    for (int i = 0; i < 20; i++) {
      put(AlertDocs.alert("c" + i, "IV", List.of("webhook", "dingtalk")));
    }
    Notifier n1 = notifier("n1", clock);
    Notifier n2 = notifier("n2", clock);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int total = 0;
      for (int round = 0; round < 10 && total < 40; round++) {
        List<Future<Integer>> f = new ArrayList<>();
        f.add(pool.submit(() -> n1.pollOnce(50)));
        f.add(pool.submit(() -> n2.pollOnce(50)));
        for (Future<Integer> x : f) {
          total += x.get();
        }
        refresh();
      }
      assertThat(total).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(hook.requests).hasSize(20);
    assertThat(hook.requests.stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(20);
    assertThat(robots.requests).hasSize(20);
  }
}
