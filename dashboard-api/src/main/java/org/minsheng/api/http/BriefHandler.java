package org.minsheng.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.minsheng.api.query.AlertFilter;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.HotTopicFilter;
import org.minsheng.api.query.Interval;
import org.minsheng.api.query.KeywordExpression;
import org.minsheng.api.query.PostFilter;
import org.minsheng.api.query.RegionCount;
import org.minsheng.api.query.RegionQuery;
import org.minsheng.api.query.ResultPage;
import org.minsheng.api.query.TimeWindow;
import org.minsheng.api.query.TopicQuery;
import org.minsheng.api.query.TrendBucket;
import org.minsheng.api.query.TrendQuery;
import org.minsheng.api.query.TrendRequest;
import org.minsheng.api.query.TrendSeries;

/**
 * {@code GET /api/brief?date=YYYY-MM-DD&q=&region=&download=true}: the daily brief (舆情日报) as printable HTML. Every
 * figure comes from a query, and every statement links to the posts it rests on (search page with the same filters,
 * topic pages, alert posts). With no data it says so and states nothing else.
 */
public final class BriefHandler implements Endpoint {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TrendQuery trends;
  private final TopicQuery topics;
  private final AlertStore alerts;
  private final RegionQuery regions;
  private final ParamsFactory params;
  private final Supplier<String> baseUrl;
  private final Clock clock;

  public BriefHandler(TrendQuery trends, TopicQuery topics, AlertStore alerts, RegionQuery regions,
      ParamsFactory params, Supplier<String> baseUrl, Clock clock) {
    this.trends = trends;
    this.topics = topics;
    this.alerts = alerts;
    this.regions = regions;
    this.params = params;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  @Override
  public HtmlDocument handle(ApiRequest request) throws IOException {
    Params p = params.of(request);
    ZoneId zone = p.zone();
    LocalDate date = p.string("date").map(d -> {
      try {
        return LocalDate.parse(d);
      } catch (DateTimeParseException e) {
        throw new BadParameterException("date", "expected YYYY-MM-DD, got '" + d + "'");
      }
    }).orElse(LocalDate.now(clock.withZone(zone)));
    Optional<KeywordExpression> q = p.string("q").map(v -> p.keywords("q", v));
    Optional<String> region = p.identifier("region");
    boolean download = p.oneOf("download", java.util.Set.of("true", "false")).map(Boolean::parseBoolean).orElse(false);
    TimeWindow window = new TimeWindow(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone)
        .toInstant());
    PostFilter filter = new PostFilter(window, q, Optional.empty(), Optional.empty(), Optional.empty(), region,
        Optional.empty());

    TrendSeries day = trends.trends(new TrendRequest(filter.withKeywords(null), Interval.H1, zone,
        q.map(List::of).orElse(List.of()))).get(0);
    List<ObjectNode> hot = topics.hot(new HotTopicFilter(window, Optional.empty(), Optional.empty(), region,
        Optional.empty(), 10));
    ResultPage<ObjectNode> fired = alerts.list(new AlertFilter(window, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()), 0, 50);
    List<RegionCount> byRegion = regions.regions(filter);

    String base = baseUrl.get();
    String scope = (q.map(k -> "关键词“" + k.source() + "”").orElse("全部") + region.map(r -> "，地域 " + r).orElse(""));
    String searchLink = base + "/#/search?from=" + Html.url(window.from().toString()) + "&to="
        + Html.url(window.to().toString()) + q.map(k -> "&q=" + Html.url(k.source())).orElse("")
        + region.map(r -> "&region=" + Html.url(r)).orElse("");
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>舆情日报 ").append(date)
        .append("</title><style>").append(STYLE).append("</style></head><body><article class=\"brief\">")
        .append("<h1>舆情日报</h1><p class=\"meta\">日期：").append(date).append("（").append(Html.esc(zone.getId()))
        .append("）　范围：").append(Html.esc(scope)).append("　生成时间：")
        .append(ZonedDateTime.now(clock.withZone(zone)).format(TIME)).append("</p>");

    h.append("<h2>一、总体概况</h2>");
    if (day.total() == 0) {
      h.append("<p class=\"empty\">当日在此范围内没有采集到任何帖子，本日报不作任何判断。</p>");
    } else {
      long neg = sum(day, 0);
      long neu = sum(day, 1);
      long pos = sum(day, 2);
      h.append("<p>当日共采集帖子 <a href=\"").append(Html.esc(searchLink)).append("\"><b>").append(day.total())
          .append("</b> 条</a>；其中负面 <a href=\"").append(Html.esc(searchLink + "&sentiment=negative")).append("\">")
          .append(neg) .append(" 条（").append(pct(neg, day.total())).append("）</a>，中性 <a href=\"")
          .append(Html.esc(searchLink + "&sentiment=neutral")).append("\">").append(neu).append(" 条（")
          .append(pct(neu, day.total())).append("）</a>，正面 <a href=\"").append(Html.esc(searchLink + "&sentiment=positive"))
          .append("\">").append(pos).append(" 条（").append(pct(pos, day.total())).append("）</a>。");
      TrendBucket peak = day.buckets().stream().max(java.util.Comparator.comparingLong(TrendBucket::volume))
          .orElseThrow();
      h.append("发帖最多的时段为 ").append(peak.start().atZone(zone).format(DateTimeFormatter.ofPattern("HH:00")))
          .append("（").append(peak.volume()).append(" 条）。</p>");
      h.append(chart(day, zone));
    }

    h.append("<h2>二、热点话题</h2>");
    if (hot.isEmpty()) {
      h.append("<p class=\"empty\">当日没有话题数据。</p>");
    } else {
      h.append("<table><tr><th>#</th><th>话题</th><th>热度</th><th>帖子</th><th>增速</th><th>负面占比</th><th>站点</th><th>阶段</th></tr>");
      int i = 1;
      for (ObjectNode t : hot) {
        String id = t.path("topicId").asText();
        h.append("<tr><td>").append(i++).append("</td><td><a href=\"").append(Html.esc(base + "/#/topic/" + Html.url(id)))
            .append("\">").append(Html.esc(t.path("title").asText(id))).append("</a></td><td>")
            .append(fmt(t.path("heat"))).append("</td><td>").append(fmt(t.path("postCount")))
            .append("</td><td>").append(fmt(t.path("growth"))).append("</td><td>").append(t.hasNonNull("negativeShare") ? pct(t.get("negativeShare").asDouble()) : "")
            .append("</td><td>").append(Html.esc(TopicHandlers.joined(t, "sites"))).append("</td><td>")
            .append(Html.esc(t.path("lifecycle").asText(""))).append("</td></tr>");
      }
      h.append("</table>");
    }

    h.append("<h2>三、预警</h2>");
    if (fired.items().isEmpty()) {
      h.append("<p class=\"empty\">当日没有触发预警。</p>");
    } else {
      h.append("<ul class=\"alerts\">");
      for (ObjectNode a : fired.items()) {
        h.append("<li><span class=\"level level-").append(Html.esc(a.path("level").asText(""))).append("\">")
            .append(Html.esc(a.path("levelName").asText(a.path("level").asText("")))).append("色预警</span> ")
            .append(Html.esc(a.path("firedAt").asText(""))).append(" <b>").append(Html.esc(a.path("title").asText("")))
            .append("</b>（").append(Html.esc(a.path("ruleName").asText(a.path("rule").asText("")))).append("，状态 ")
            .append(Html.esc(a.path("status").asText(""))).append("）<br>").append(Html.esc(a.path("reason").asText("")));
        JsonNode posts = a.path("topPosts");
        if (posts.isArray() && !posts.isEmpty()) {
          h.append("<br>依据帖子：");
          for (JsonNode post : posts) {
            String url = post.path("url").asText("");
            String title = post.path("title").asText(post.path("id").asText(""));
            if (Html.safeLink(url)) {
              h.append("<a href=\"").append(Html.esc(url)).append("\">").append(Html.esc(title)).append("</a>　");
            } else {
              h.append(Html.esc(title)).append("　");
            }
          }
        }
        h.append("</li>");
      }
      h.append("</ul>");
    }

    h.append("<h2>四、地域分布</h2>");
    if (byRegion.isEmpty()) {
      h.append("<p class=\"empty\">当日没有带地域信息的帖子。</p>");
    } else {
      h.append("<table><tr><th>地域</th><th>帖子</th><th>负面</th><th>负面占比</th></tr>");
      byRegion.stream().limit(10).forEach(r -> h.append("<tr><td><a href=\"")
          .append(Html.esc(searchLink + "&region=" + Html.url(r.region()))).append("\">").append(Html.esc(r.region()))
          .append("</a></td><td>").append(r.volume()).append("</td><td>").append(r.negative()).append("</td><td>")
          .append(pct(r.negativeShare())).append("</td></tr>"));
      h.append("</table>");
    }
    h.append("<p class=\"foot\">数据来源：民声（Minsheng）舆情监测系统。文中数字均由系统按上述范围统计，链接指向其所依据的帖子。</p>")
        .append("</article></body></html>");
    return new HtmlDocument(h.toString(), "minsheng-brief-" + date + ".html", download);
  }

  private static long sum(TrendSeries s, int which) {
    return s.buckets().stream().mapToLong(b -> which == 0 ? b.negative() : which == 1 ? b.neutral() : b.positive())
        .sum();
  }

  private static String pct(long part, long whole) {
    return pct(whole == 0 ? 0 : (double) part / whole);
  }

  private static String pct(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String fmt(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return "";
    }
    return n.isIntegralNumber() ? n.asText() : n.isNumber() ? String.format(java.util.Locale.ROOT, "%.1f",
        n.asDouble()) : Html.esc(n.asText());
  }

  /** A small inline SVG bar chart of hourly volume, so the printed brief has the day's shape. */
  private static String chart(TrendSeries day, ZoneId zone) {
    long max = Math.max(1, day.buckets().stream().mapToLong(TrendBucket::volume).max().orElse(1));
    int n = Math.max(1, day.buckets().size());
    double w = 680.0 / n;
    StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 700 140\" role=\"img\" aria-label=\"每小时帖子数\">");
    for (int i = 0; i < day.buckets().size(); i++) {
      TrendBucket b = day.buckets().get(i);
      double height = 110.0 * b.volume() / max;
      double negHeight = 110.0 * b.negative() / max;
      svg.append(String.format(java.util.Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#5b8ff9\"><title>%s %d 条</title></rect>",
          10 + i * w, 120 - height, w * 0.8, height, b.start().atZone(zone).format(DateTimeFormatter.ofPattern("HH:00")),
          b.volume()));
      svg.append(String.format(java.util.Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#e8684a\"/>", 10 + i * w, 120 - negHeight,
          w * 0.8, negHeight));
      if (i % 6 == 0) {
        svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"136\" font-size=\"10\">%s</text>",
            10 + i * w, b.start().atZone(zone).format(DateTimeFormatter.ofPattern("HH:00"))));
      }
    }
    return svg.append("</svg><p class=\"legend\">蓝：每小时帖子数；红：其中负面。</p>").toString();
  }

  private static final String STYLE = "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','WenQuanYi Micro Hei',"
      + "sans-serif;color:#222;margin:0;background:#f4f5f7}.brief{max-width:760px;margin:24px auto;background:#fff;"
      + "padding:32px 40px;box-shadow:0 1px 4px rgba(0,0,0,.1)}h1{text-align:center;color:#b3261e;letter-spacing:.3em;"
      + "border-bottom:3px solid #b3261e;padding-bottom:8px}h2{font-size:1.1em;border-left:4px solid #b3261e;"
      + "padding-left:8px;margin-top:1.6em}.meta{text-align:center;color:#555;font-size:.9em}table{border-collapse:"
      + "collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left}th{background:"
      + "#f0f0f0}.empty{color:#777;font-style:italic}.chart{width:100%;height:auto}.legend,.foot{font-size:.8em;"
      + "color:#666}.level{padding:0 4px;border-radius:3px;color:#fff;background:#999}.level-I{background:#c62828}"
      + ".level-II{background:#ef6c00}.level-III{background:#f9a825;color:#222}.level-IV{background:#1565c0}"
      + "a{color:#1a5fb4}@media print{body{background:#fff}.brief{box-shadow:none;margin:0;max-width:none;padding:0}"
      + "a{color:#222;text-decoration:none}h2{page-break-after:avoid}tr,li{page-break-inside:avoid}"
      + "@page{size:A4;margin:18mm}}";
}
