package org.minsheng.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a notifier needs of a {@code minsheng-alerts} document (fields in docs/ARCHITECTURE.md). The notifier reads
 * documents, not job classes, so that it runs as its own process without the Flink job on its class path.
 *
 * @param document the whole document, sent as is by the generic webhook (without the {@code deliveries} outbox)
 */
public record AlertMessage(String alertId, String level, String levelName, String rule, String title, String reason,
    List<String> keywords, List<PostLink> topPosts, List<String> sites, List<String> regions, String dashboardUrl,
    String firedAt, ObjectNode document) {

  /** A quoted post. */
  public record PostLink(String id, String title, String url, String site) {}

  public static AlertMessage fromDocument(JsonNode doc) {
    List<PostLink> posts = new ArrayList<>();
    for (JsonNode p : doc.path("topPosts")) {
      posts.add(new PostLink(text(p, "id"), text(p, "title"), text(p, "url"), text(p, "site")));
    }
    ObjectNode copy = doc.deepCopy();
    copy.remove("deliveries");
    return new AlertMessage(text(doc, "alertId"), text(doc, "level"), text(doc, "levelName"), text(doc, "rule"),
        text(doc, "title"), text(doc, "reason"), strings(doc.path("keywords")), posts, strings(doc.path("sites")),
        strings(doc.path("regions")), text(doc, "dashboardUrl"), text(doc, "firedAt"), copy);
  }

  /** Red (I) alerts ignore quiet hours. */
  public boolean isRed() {
    return "I".equals(level);
  }

  /** 【红色预警】 / 【橙色预警】 / 【黄色预警】 / 【蓝色预警】. */
  public String banner() {
    String colour = switch (level == null ? "" : level) {
      case "I" -> "红色";
      case "II" -> "橙色";
      case "III" -> "黄色";
      default -> "蓝色";
    };
    return "【" + colour + "预警】";
  }

  /** Feishu card template colour for the level. */
  public String colourName() {
    return switch (level == null ? "" : level) {
      case "I" -> "red";
      case "II" -> "orange";
      case "III" -> "yellow";
      default -> "blue";
    };
  }

  public String headline() {
    return banner() + (title == null ? "" : title);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }
}
