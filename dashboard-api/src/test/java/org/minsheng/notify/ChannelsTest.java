package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each robot channel against a local receiver: exact message shape, signing, and how replies are read. */
class ChannelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T02:46:00Z"));
  private final HttpPoster http = new HttpPoster(Duration.ofSeconds(5));
  private final AlertMessage alert = AlertMessage.fromDocument(AlertDocs.alert("a1", "II", List.of("dingtalk")));
  private TestReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void dingTalkSendsSignedMarkdownWithMentions() throws Exception {
    var ch = new DingTalkChannel("dingtalk", receiver.url("/robot/send?access_token=tok"), "SECtest",
        List.of("13800000000"), http, clock);
    DeliveryResult r = ch.send(alert, "a1:II:dingtalk");
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    TestReceiver.Request req = receiver.requests.get(0);
    long ts = clock.millis();
    assertThat(req.query()).isEqualTo("access_token=tok&timestamp=" + ts + "&sign=" + Signatures.dingTalk(ts, "SECtest"));
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.at("/markdown/title").asText()).isEqualTo("【橙色预警】关键词「拆迁」");
    assertThat(body.at("/markdown/text").asText()).startsWith("### 【橙色预警】关键词「拆迁」")
        .contains("**原因**：").contains("[城东拆迁补偿不公](https://bbs.example.cn/t/1)（bbs.example.cn）")
        .contains("[查看详情](http://localhost:7070/#/alerts/a1)").endsWith("@13800000000");
    assertThat(body.at("/at/atMobiles/0").asText()).isEqualTo("13800000000");
    assertThat(body.get("msgUuid").asText()).isEqualTo("a1:II:dingtalk");
    assertThat(req.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void dingTalkRepliesAreReadFromTheBody() {
    var ch = new DingTalkChannel("dingtalk", receiver.url("/robot/send?access_token=tok"), null, List.of(), http, clock);
    receiver.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT);
    receiver.answer(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
    DeliveryResult throttled = ch.send(alert, "k");
    assertThat(throttled.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(throttled.detail()).contains("130101");
    receiver.answer(502, "bad gateway");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(receiver.requests.get(0).query()).isEqualTo("access_token=tok");
  }

  @Test
  void weComSendsMarkdownWithinItsByteLimit() throws Exception {
    var ch = new WeComChannel("wecom", receiver.url("/cgi-bin/webhook/send?key=k1"), List.of("zhangsan"), http);
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    JsonNode body = JSON.readTree(receiver.requests.get(0).body());
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    String content = body.at("/markdown/content").asText();
    assertThat(content).startsWith("### 【橙色预警】").contains("<font color=\"warning\">").contains("</font>")
        .endsWith("<@zhangsan>");

    var big = AlertDocs.alert("a2", "III", List.of("wecom"));
    big.put("reason", "很长的原因".repeat(400));
    ObjectMapper m = new ObjectMapper();
    JsonNode long1 = ch.body(AlertMessage.fromDocument(big));
    assertThat(long1.at("/markdown/content").asText().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    assertThat(long1.at("/markdown/content").asText()).endsWith("<@zhangsan>");

    receiver.answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [x]\"}");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT);
    receiver.answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(m).isNotNull();
  }

  @Test
  void feishuSendsASignedCardColouredByLevel() throws Exception {
    receiver.answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
    var ch = new FeishuChannel("feishu", receiver.url("/open-apis/bot/v2/hook/tok"), "demo", true, http, clock);
    AlertMessage red = AlertMessage.fromDocument(AlertDocs.alert("a3", "I", List.of("feishu")));
    assertThat(ch.send(red, "k").outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    JsonNode body = JSON.readTree(receiver.requests.get(0).body());
    long seconds = clock.millis() / 1000;
    assertThat(body.get("timestamp").asText()).isEqualTo(Long.toString(seconds));
    assertThat(body.get("sign").asText()).isEqualTo(Signatures.feishu(seconds, "demo"));
    assertThat(body.get("msg_type").asText()).isEqualTo("interactive");
    assertThat(body.at("/card/header/template").asText()).isEqualTo("red");
    assertThat(body.at("/card/header/title/content").asText()).isEqualTo("【红色预警】关键词「拆迁」");
    assertThat(body.at("/card/elements/0/text/tag").asText()).isEqualTo("lark_md");
    assertThat(body.at("/card/elements/0/text/content").asText()).contains("**原因**").endsWith("<at id=all></at>");
    assertThat(body.at("/card/elements/1/actions/0/url").asText()).isEqualTo("http://localhost:7070/#/alerts/a3");

    receiver.answer(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
    assertThat(ch.send(red, "k").outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT);
    receiver.answer(200, "{\"code\":11232,\"data\":{},\"msg\":\"frequency limited psm[x]\"}");
    assertThat(ch.send(red, "k").outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    receiver.answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}");
    assertThat(ch.send(red, "k").outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
  }

  @Test
  void genericWebhookSignsTheBodyAndCarriesTheIdempotencyKey() throws Exception {
    var ch = new WebhookChannel("webhook", receiver.url("/hooks/minsheng"), "s3cret", http, clock);
    assertThat(ch.send(alert, "a1:II:webhook").outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    TestReceiver.Request req = receiver.requests.get(0);
    String ts = req.header(WebhookChannel.TIMESTAMP_HEADER);
    assertThat(ts).isEqualTo(Long.toString(clock.millis() / 1000));
    assertThat(req.header(WebhookChannel.SIGNATURE_HEADER))
        .isEqualTo("sha256=" + Signatures.webhook("s3cret", ts, req.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(req.header(WebhookChannel.IDEMPOTENCY_HEADER)).isEqualTo("a1:II:webhook");
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.get("alertId").asText()).isEqualTo("a1");
    assertThat(body.has("deliveries")).as("the outbox stays private").isFalse();
    receiver.answer(404, "no such hook");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT);
    receiver.answer(503, "down");
    assertThat(ch.send(alert, "k").outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
  }

  @Test
  void unreachableReceiverIsRetried() {
    String url = receiver.url("/x");
    receiver.close();
    var ch = new WebhookChannel("webhook", url, null, new HttpPoster(Duration.ofSeconds(1)), clock);
    DeliveryResult r = ch.send(alert, "k");
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(r.detail()).startsWith("unreachable: ");
  }

  @Test
  void redactsSecretsInUrls() {
    assertThat(HttpPoster.redact("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=xyz"))
        .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1&sign=***");
    assertThat(HttpPoster.redact("https://open.feishu.cn/open-apis/bot/v2/hook/tok123"))
        .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/***");
  }
}
