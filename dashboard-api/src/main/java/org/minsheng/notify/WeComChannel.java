package org.minsheng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WeCom group robot: a {@code markdown} message, cut to WeCom's 4096-byte limit on a character boundary (an
 * over-long message is refused with 40058 for good). No signing: the {@code key} in the URL is the only secret.
 * Mentions as {@code <@userid>} in the content.
 */
public final class WeComChannel implements Channel {
  static final int MAX_MARKDOWN_BYTES = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Long> THROTTLE = Set.of(45009L);

  private final String name;
  private final String url;
  private final List<String> mentionUserIds;
  private final HttpPoster http;

  public WeComChannel(String name, String url, List<String> mentionUserIds, HttpPoster http) {
    this.name = name;
    this.url = url;
    this.mentionUserIds = List.copyOf(mentionUserIds);
    this.http = http;
  }

  @Override
  public String name() {
    return name;
  }

  ObjectNode body(AlertMessage m) {
    StringBuilder mentions = new StringBuilder();
    mentionUserIds.forEach(u -> mentions.append("<@").append(u).append('>'));
    String tail = mentions.length() == 0 ? "" : "\n" + mentions;
    String colour = m.isRed() || "II".equals(m.level()) ? "warning" : "comment";
    String content = AlertText.markdown(m)
        .replaceFirst("\\*\\*原因\\*\\*：", "> **原因**：<font color=\"" + colour + "\">")
        .replaceFirst("(<font color=\"\\w+\">[^\\n]*)", "$1</font>");
    int room = MAX_MARKDOWN_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
    ObjectNode root = JSON.createObjectNode();
    root.put("msgtype", "markdown");
    root.putObject("markdown").put("content", AlertText.truncateUtf8(content, room) + tail);
    return root;
  }

  @Override
  public DeliveryResult send(AlertMessage m, String idempotencyKey) {
    try {
      byte[] body = JSON.writeValueAsString(body(m)).getBytes(StandardCharsets.UTF_8);
      return RobotReplies.errcode(http.post(URI.create(url), body, Map.of()), THROTTLE);
    } catch (Exception e) {
      return HttpPoster.unreachable(e);
    }
  }
}
