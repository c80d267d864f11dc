package org.minsheng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Feishu custom bot: an {@code interactive} card (classic header/elements shape) whose header colour is the warning
 * level, a {@code lark_md} body and a button to the dashboard; {@code timestamp} (seconds, as a string) and
 * {@code sign} in the body when a secret is configured. Optionally mentions everyone for red alerts.
 */
public final class FeishuChannel implements Channel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String url;
  private final String secret;
  private final boolean atAllOnRed;
  private final HttpPoster http;
  private final Clock clock;

  public FeishuChannel(String name, String url, String secret, boolean atAllOnRed, HttpPoster http, Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.atAllOnRed = atAllOnRed;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  ObjectNode body(AlertMessage m, long epochSeconds) {
    ObjectNode root = JSON.createObjectNode();
    if (secret != null && !secret.isBlank()) {
      root.put("timestamp", Long.toString(epochSeconds));
      root.put("sign", Signatures.feishu(epochSeconds, secret));
    }
    root.put("msg_type", "interactive");
    ObjectNode card = root.putObject("card");
    ObjectNode header = card.putObject("header");
    header.putObject("title").put("tag", "plain_text").put("content", m.headline());
    header.put("template", m.colourName());
    ArrayNode elements = card.putArray("elements");
    String md = AlertText.markdown(m).replaceFirst("^### [^\\n]*\\n+", "").replace("[查看详情](" + m.dashboardUrl() + ")", "");
    if (atAllOnRed && m.isRed()) {
      md = md.strip() + "\n<at id=all></at>";
    }
    ObjectNode div = elements.addObject();
    div.put("tag", "div");
    div.putObject("text").put("tag", "lark_md").put("content", md.strip());
    ObjectNode action = elements.addObject();
    action.put("tag", "action");
    ObjectNode button = action.putArray("actions").addObject();
    button.put("tag", "button");
    button.putObject("text").put("tag", "plain_text").put("content", "查看详情");
    button.put("type", "primary");
    button.put("url", m.dashboardUrl());
    return root;
  }

  @Override
  public DeliveryResult send(AlertMessage m, String idempotencyKey) {
    try {
      byte[] body = JSON.writeValueAsString(body(m, clock.millis() / 1000)).getBytes(StandardCharsets.UTF_8);
      return RobotReplies.feishu(http.post(URI.create(url), body, Map.of()));
    } catch (Exception e) {
      return HttpPoster.unreachable(e);
    }
  }
}
