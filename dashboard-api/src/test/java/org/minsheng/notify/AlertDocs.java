package org.minsheng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Hand-made alert documents in the minsheng-alerts shape. */
final class AlertDocs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertDocs() {}

  /** As the job writes it, with {@code pendingChannels}. */
  static ObjectNode alert(String id, String level, List<String> channels) {
    ObjectNode d = olderAlert(id, level, channels);
    ArrayNode pending = d.putArray("pendingChannels");
    channels.forEach(pending::add);
    return d;
  }

  /** As job versions before {@code pendingChannels} wrote it. */
  static ObjectNode olderAlert(String id, String level, List<String> channels) {
    ObjectNode d = JSON.createObjectNode();
    d.put("alertId", id);
    d.put("rule", "burst");
    d.put("ruleName", "burst");
    d.put("level", level);
    d.put("levelName", switch (level) { case "I" -> "红"; case "II" -> "橙"; case "III" -> "黄"; default -> "蓝"; });
    d.put("status", "new");
    d.putObject("scope").put("type", "keyword").put("key", "拆迁");
    d.put("title", "关键词「拆迁」");
    d.putArray("keywords").add("拆迁").add("补偿");
    d.put("reason", "【" + level + "级】关键词「拆迁」声量突增：本窗口 36 条，基线 10.0 条（3.6 倍）");
    d.putObject("figures").put("observed", 36).put("baseline", 10.0).put("ratio", 3.6);
    d.put("firedAt", "2026-11-21T02:45:30Z");
    d.put("updatedAt", "2026-11-21T02:45:30Z");
    ArrayNode posts = d.putArray("topPosts");
    posts.addObject().put("id", "p1").put("title", "城东拆迁补偿不公").put("url", "https://bbs.example.cn/t/1")
        .put("site", "bbs.example.cn");
    d.putArray("sites").add("bbs.example.cn");
    d.putArray("regions").add("浙江");
    d.put("dashboardUrl", "http://localhost:7070/#/alerts/" + id);
    d.putArray("history");
    ObjectNode deliveries = d.putObject("deliveries");
    for (String ch : channels) {
      deliveries.putObject(ch).put("state", "pending").put("attempts", 0)
          .put("idempotencyKey", id + ":" + level + ":" + ch);
    }
    return d;
  }
}
