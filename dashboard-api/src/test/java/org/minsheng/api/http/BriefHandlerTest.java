package org.minsheng.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minsheng.api.query.HotTopicFilter;
import org.minsheng.api.query.RegionCount;
import org.minsheng.api.query.TopicDetail;
import org.minsheng.api.query.TopicQuery;
import org.minsheng.api.query.TrendBucket;
import org.minsheng.api.query.TrendRequest;
import org.minsheng.api.query.TrendSeries;
import org.minsheng.api.support.InMemoryQueries;

class BriefHandlerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final List<TrendRequest> trendRequests = new ArrayList<>();
  List<TrendSeries> series = List.of(new TrendSeries("", 0, List.of()));
  List<ObjectNode> hot = List.of();
  List<RegionCount> regions = List.of();
  final InMemoryQueries.Alerts alerts = new InMemoryQueries.Alerts();

  BriefHandler handler() {
    TopicQuery topics = new TopicQuery() {
      @Override
      public List<ObjectNode> hot(HotTopicFilter filter) {
        return hot;
      }

      @Override
      public Optional<TopicDetail> detail(String topicId) {
        return Optional.empty();
      }
    };
    return new BriefHandler(r -> {
      trendRequests.add(r);
      return series;
    }, topics, alerts, f -> regions, TrendsHandlerTest.params(), () -> "http://dash.example", TrendsHandlerTest.params()
        .clock());
  }

  @Test
  void withoutDataItSaysSoAndInventsNothing() throws Exception {
    HtmlDocument doc = handler().handle(TrendsHandlerTest.query("date", "2026-11-20"));
    assertThat(doc.html()).contains("<h1>舆情日报</h1>").contains("2026-11-20").contains("没有采集到任何帖子")
        .contains("当日没有话题数据").contains("当日没有触发预警").contains("没有带地域信息的帖子")
        .doesNotContain("<table").doesNotContain("<svg").doesNotContain("负面 <a");
    assertThat(doc.download()).isFalse();
    // the day is [00:00, 24:00) in Asia/Shanghai
    assertThat(trendRequests.get(0).filter().window().from()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
    assertThat(trendRequests.get(0).filter().window().to()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
  }

  @Test
  void figuresComeFromTheQueriesAndLinkToTheirPosts() throws Exception {
    Instant h = Instant.parse("2026-11-20T02:00:00Z");
    series = List.of(new TrendSeries("", 10, List.of(new TrendBucket(h, 7, 4, 2, 1, -0.3),
        new TrendBucket(h.plusSeconds(3600), 3, 0, 3, 0, 0.0))));
    ObjectNode topic = JSON.createObjectNode().put("topicId", "t-1").put("title", "物业费<上涨>").put("heat", 9.5)
        .put("postCount", 10).put("negativeShare", 0.4);
    hot = List.of(topic);
    regions = List.of(new RegionCount("广东", 6, 3, 2, 1));
    ObjectNode alert = InMemoryQueries.alert(JSON, "a1", h);
    alert.putArray("topPosts").addObject().put("id", "p1").put("title", "原帖").put("url", "javascript:alert(1)");
    alerts.docs.put("a1", alert);
    HtmlDocument doc = handler().handle(TrendsHandlerTest.query("date", "2026-11-20", "download", "true", "q", "物业费"));
    assertThat(doc.html()).contains("<b>10</b> 条").contains("负面 <a").contains("4 条（40.0%）")
        .contains("发帖最多的时段为 10:00（7 条）")
        .contains("http://dash.example/#/topic/t-1").contains("物业费&lt;上涨&gt;")
        .contains("http://dash.example/#/search?from=").contains("&amp;q=%E7%89%A9%E4%B8%9A%E8%B4%B9")
        .contains("广东").contains("原帖").doesNotContain("javascript:alert")
        .contains("&amp;sentiment=neutral\">5 条（50.0%）</a>");
    assertThat(doc.download()).isTrue();
    assertThat(doc.fileName()).isEqualTo("minsheng-brief-2026-11-20.html");
    assertThat(trendRequests.get(0).compare()).hasSize(1);
  }

  @Test
  void badDateIsRefused() {
    assertThatThrownBy(() -> handler().handle(TrendsHandlerTest.query("date", "20-11-2026")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("date"));
  }
}
