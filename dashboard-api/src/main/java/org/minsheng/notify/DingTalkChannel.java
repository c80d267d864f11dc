package org.minsheng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DingTalk custom robot: a {@code markdown} message (title = the headline shown in the conversation list), signed
 * with {@code timestamp} + {@code sign} query parameters when a secret is configured, {@code msgUuid} = the
 * idempotency key, optional {@code at.atMobiles} (also written as {@code @mobile} in the text, or DingTalk does not
 * render the mention).
 */
public final class DingTalkChannel implements Channel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Long> THROTTLE = Set.of(130101L, 410100L);

  private final String name;
  private final String url;
  private final String secret;
  private final List<String> atMobiles;
  private final HttpPoster http;
  private final Clock clock;

  public DingTalkChannel(String name, String url, String secret, List<String> atMobiles, HttpPoster http, Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.atMobiles = List.copyOf(atMobiles);
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  /** The JSON body (package-private for tests). */
  ObjectNode body(AlertMessage m, String idempotencyKey) {
    ObjectNode root = JSON.createObjectNode();
    root.put("msgtype", "markdown");
    ObjectNode md = root.putObject("markdown");
    md.put("title", m.headline());
    StringBuilder text = new StringBuilder(AlertText.markdown(m));
    if (!atMobiles.isEmpty()) {
      text.append("\n\n");
      atMobiles.forEach(p -> text.append('@').append(p).append(' '));
    }
    md.put("text", text.toString().strip());
    ObjectNode at = root.putObject("at");
    atMobiles.forEach(at.putArray("atMobiles")::add);
    at.put("isAtAll", false);
    root.put("msgUuid", idempotencyKey);
    return root;
  }

  /** The signed URL for {@code millis}. */
  String signedUrl(long millis) {
    if (secret == null || secret.isBlank()) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign=" + Signatures.dingTalk(millis, secret);
  }

  @Override
  public DeliveryResult send(AlertMessage m, String idempotencyKey) {
    try {
      byte[] body = JSON.writeValueAsString(body(m, idempotencyKey)).getBytes(StandardCharsets.UTF_8);
      HttpPoster.Reply r = http.post(URI.create(signedUrl(clock.millis())), body, Map.of());
      return RobotReplies.errcode(r, THROTTLE);
    } catch (Exception e) {
      return HttpPoster.unreachable(e);
    }
  }
}
