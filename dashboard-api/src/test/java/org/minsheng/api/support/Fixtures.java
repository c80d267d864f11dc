package org.minsheng.api.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made fixture documents (posts, topics, an alert, sources) following docs/ARCHITECTURE.md, placed relative to
 * {@code now} so that default windows ("last 24 hours") contain them.
 */
public final class Fixtures {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  public final List<ObjectNode> posts = new ArrayList<>();
  public final List<ObjectNode> topics = new ArrayList<>();
  public final List<ObjectNode> alerts = new ArrayList<>();
  public final List<ObjectNode> sources = new ArrayList<>();

  /** {@code hoursAgo}: when each post was published. Titles contain 物业费 (8 posts), 地铁 (6), others. */
  public static Fixtures around(Instant now) {
    Fixtures f = new Fixtures();
    Instant base = now.truncatedTo(ChronoUnit.HOURS);
    String[][] wuye = {
        {"p1", null, "业主维权：小区物业费上涨三成", "小区物业费突然上涨三成，业主质疑物业公司未公示。", "negative", "-0.8", "weibo.com", "广东", "张律师", "520000", "10"},
        {"p2", "p1", "转发：物业费上涨三成", "转发：物业费上涨太离谱了，支持业主维权。", "negative", "-0.7", "weibo.com", "广东", "小区业主甲", "300", "8"},
        {"p3", "p1", "物业费上涨引发热议", "转发微博：物业费上涨是否合规，专家解读。", "neutral", "0.0", "weibo.com", "北京", "财经观察", "880000", "6"},
        {"p4", "p2", "物业费上涨跟帖", "我们小区物业费也上涨了，服务却没变好。", "negative", "-0.6", "weibo.com", "广东", "网友乙", "50", "5"},
        {"p5", null, "住建部门回应物业费上涨问题", "住建部门表示将核查物业费上涨是否履行程序。", "neutral", "0.1", "news.sina.com.cn", "广东", "新浪新闻", "0", "4"},
        {"p6", null, "物业费上涨，业主与物业达成协议", "经协商，物业费上涨方案暂缓执行，业主表示满意。", "positive", "0.7", "news.sina.com.cn", "广东", "新浪新闻", "0", "2"},
        {"p7", null, "物业费上涨吧友讨论", "物业费上涨的小区多吗？大家说说。", "neutral", "0.0", "tieba.baidu.com", "湖北", "吧友丙", "10", "3"},
        {"p8", "p3", "物业费上涨专家观点转发", "转发专家观点：物业费上涨需要业主大会同意。", "neutral", "0.2", "weibo.com", "四川", "法律人", "2000", "1"},
    };
    for (String[] r : wuye) {
      f.posts.add(post(r, "t-wuye", base.minus(Long.parseLong(r[10]), ChronoUnit.HOURS).plusSeconds(60)));
    }
    String[][] ditie = {
        {"d1", null, "地铁二号线早高峰延误", "地铁二号线早高峰信号故障延误二十分钟，乘客拥挤。", "negative", "-0.6", "weibo.com", "湖北", "通勤族", "1200", "3"},
        {"d2", "d1", "转发：地铁又延误了", "地铁延误导致上班迟到，希望尽快改善。", "negative", "-0.5", "weibo.com", "湖北", "上班族丁", "90", "2"},
        {"d3", null, "地铁公司就延误致歉", "地铁公司发布致歉声明并说明信号故障原因。", "neutral", "0.1", "news.sina.com.cn", "湖北", "新浪新闻", "0", "2"},
        {"d4", null, "地铁恢复正常运营", "地铁二号线已恢复正常运营，感谢乘客理解。", "positive", "0.5", "news.sina.com.cn", "湖北", "新浪新闻", "0", "1"},
        {"d5", null, "地铁延误吧友吐槽", "今天地铁延误太久了。", "negative", "-0.4", "tieba.baidu.com", "湖北", "吧友戊", "5", "1"},
        {"d6", null, "地铁新线规划公布", "地铁新线规划公布，市民期待。", "positive", "0.6", "news.sina.com.cn", "北京", "新浪新闻", "0", "5"},
    };
    for (String[] r : ditie) {
      f.posts.add(post(r, "t-ditie", base.minus(Long.parseLong(r[10]), ChronoUnit.HOURS).plusSeconds(120)));
    }
    f.posts.add(post(new String[] {"o1", null, "今日天气晴好", "今日天气晴好，适合出游。", "positive", "0.8", "weibo.com", "四川", "天气君", "100", "7"},
        null, base.minus(7, ChronoUnit.HOURS).plusSeconds(30)));

    f.topics.add(topic("t-wuye", "小区物业费上涨三成引发业主维权", base.minus(10, ChronoUnit.HOURS), base, 8, 92.5, 1.8,
        0.375, "rising", List.of("物业费", "上涨", "业主", "维权"), List.of("weibo.com", "news.sina.com.cn", "tieba.baidu.com")));
    f.topics.add(topic("t-ditie", "地铁二号线早高峰延误", base.minus(5, ChronoUnit.HOURS), base.minus(1, ChronoUnit.HOURS), 6, 40.0,
        -0.3, 0.5, "fading", List.of("地铁", "延误", "信号故障"), List.of("weibo.com", "news.sina.com.cn")));

    f.alerts.add(alert("alert-wuye-1", "t-wuye", "小区物业费上涨三成引发业主维权", "II", "橙", "negative_surge", "负面激增",
        base.minus(2, ChronoUnit.HOURS), "负面帖子占比 62%，为基线的 3.1 倍"));

    f.sources.add(source("weibo-hot", "weibo", true, 1200, 800, 3, 0, now.minusSeconds(90), null));
    f.sources.add(source("sina-news", "news", true, 300, 280, 0, 0, now.minusSeconds(300), null));
    f.sources.add(source("tieba-local", "forum", false, 150, 20, 12, 9, now.minus(3, ChronoUnit.HOURS), "HTTP 403 被封禁"));
    return f;
  }

  static ObjectNode post(String[] r, String topicId, Instant at) {
    ObjectNode p = JSON.createObjectNode();
    p.put("v", 1).put("id", r[0]).put("platform", r[6].startsWith("weibo") ? "weibo" : r[6].startsWith("tieba") ? "forum" : "news")
        .put("site", r[6]).put("url", "https://" + r[6] + "/post/" + r[0]).put("region", r[7])
        .put("title", r[2]).put("text", r[3]).put("content", r[2] + " " + r[3])
        .put("publishedAt", at.toString()).put("fetchedAt", at.plusSeconds(30).toString())
        .put("sentiment", r[4]).put("sentimentScore", Double.parseDouble(r[5])).put("sentimentConfidence", 0.9);
    if (r[1] != null) {
      p.put("parentId", r[1]);
    }
    if (topicId != null) {
      p.put("topicId", topicId);
    }
    p.putObject("author").put("id", "u-" + r[8]).put("name", r[8]).put("followers", Long.parseLong(r[9]))
        .put("verified", Long.parseLong(r[9]) > 100000);
    int reposts = r[1] == null ? 40 + Math.abs(r[0].hashCode() % 50) : Math.abs(r[0].hashCode() % 10);
    p.putObject("metrics").put("reposts", reposts).put("comments", reposts / 2).put("likes", reposts * 3).put("views", reposts * 100);
    List<String> words = new ArrayList<>();
    for (String k : new String[] {"物业费", "上涨", "业主", "维权", "地铁", "延误", "天气"}) {
      if ((r[2] + r[3]).contains(k)) {
        words.add(k);
      }
    }
    ArrayNode tokens = p.putArray("tokens");
    words.forEach(tokens::add);
    p.put("content", String.join(" ", words));
    p.set("keywords", tokens.deepCopy());
    p.put("emotion", r[4].equals("negative") ? "愤怒" : r[4].equals("positive") ? "喜悦" : "平静");
    return p;
  }

  static ObjectNode topic(String id, String title, Instant first, Instant last, long posts, double heat, double growth,
      double negativeShare, String lifecycle, List<String> keywords, List<String> sites) {
    ObjectNode t = JSON.createObjectNode();
    t.put("topicId", id).put("title", title).put("firstSeen", first.toString()).put("lastSeen", last.toString())
        .put("updatedAt", last.toString()).put("postCount", posts).put("reprintCount", posts / 2).put("heat", heat)
        .put("growth", growth).put("negativeShare", negativeShare).put("lifecycle", lifecycle);
    keywords.forEach(t.putArray("keywords")::add);
    sites.forEach(t.putArray("sites")::add);
    t.putArray("regions").add("广东").add("湖北");
    t.putObject("sentimentMix").put("negative", 3).put("neutral", 3).put("positive", 2);
    return t;
  }

  public static ObjectNode alert(String id, String topicId, String title, String level, String levelName, String rule,
      String ruleName, Instant at, String reason) {
    ObjectNode a = JSON.createObjectNode();
    a.put("alertId", id).put("rule", rule).put("ruleName", ruleName).put("level", level).put("levelName", levelName)
        .put("status", "new").put("topicId", topicId).put("title", title).put("reason", reason)
        .put("firedAt", at.toString()).put("updatedAt", at.toString());
    a.putObject("scope").put("type", "topic").put("key", topicId);
    a.putArray("topPosts").addObject().put("id", "p1").put("title", "业主维权：小区物业费上涨三成")
        .put("url", "https://weibo.com/post/p1").put("site", "weibo.com");
    a.putArray("history").addObject().put("at", at.toString()).put("status", "new").put("level", level).put("by", "job");
    return a;
  }

  static ObjectNode source(String name, String platform, boolean healthy, long fetched, long posts, long errors,
      long blocked, Instant lastSuccess, String reason) {
    ObjectNode s = JSON.createObjectNode();
    s.put("source", name).put("platform", platform).put("healthy", healthy).put("fetched", fetched).put("posts", posts)
        .put("skipped", 0).put("errors", errors).put("blocked", blocked).put("lastSuccess", lastSuccess.toString())
        .put("updatedAt", Instant.now().toString());
    if (reason != null) {
      s.put("reason", reason).put("lastError", Instant.now().toString());
    }
    return s;
  }

  public static String postsIndex(Instant publishedAt) {
    return "minsheng-posts-" + MONTH.format(publishedAt);
  }

  /** Bulk-indexes everything and refreshes. */
  public void index(ElasticsearchClient client) throws IOException {
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    for (ObjectNode p : posts) {
      bulk.operations(o -> o.index(i -> i.index(postsIndex(Instant.parse(p.get("publishedAt").asText())))
          .id(p.get("id").asText()).document(p)));
    }
    topics.forEach(t -> bulk.operations(o -> o.index(i -> i.index("minsheng-topics").id(t.get("topicId").asText()).document(t))));
    alerts.forEach(a -> bulk.operations(o -> o.index(i -> i.index("minsheng-alerts").id(a.get("alertId").asText()).document(a))));
    sources.forEach(s -> bulk.operations(o -> o.index(i -> i.index("minsheng-sources").id(s.get("source").asText()).document(s))));
    BulkResponse r = client.bulk(bulk.build());
    if (r.errors()) {
      throw new IllegalStateException("fixture bulk failed: " + r.items().stream().filter(i -> i.error() != null)
          .map(i -> i.id() + ": " + i.error().reason()).toList());
    }
  }

  /** Indexes one more alert (the live stream test) with refresh. */
  public static void indexAlert(ElasticsearchClient client, ObjectNode alert) throws IOException {
    client.index(i -> i.index("minsheng-alerts").id(alert.get("alertId").asText()).document(alert).refresh(Refresh.True));
  }
}
