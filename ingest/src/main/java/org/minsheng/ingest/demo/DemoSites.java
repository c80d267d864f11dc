package org.minsheng.ingest.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.minsheng.ingest.crawl.CrawlConfig;
import org.minsheng.ingest.fetch.FetchSettings;
import org.minsheng.ingest.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bundled sample sites on loopback for {@code ./minsheng demo}, so the demo runs the real crawler:
 * <ul>
 *   <li>{@code /news/}: a portal with an RSS feed ({@code rss.xml}), a list page ({@code index.html}) and GBK-encoded
 *       article pages served as plain {@code text/html} without a charset header, with navigation, byline and footer
 *       boilerplate;</li>
 *   <li>{@code /bbs/}: a Discuz!-style forum ({@code forum.php?mod=forumdisplay&fid=2}, threads of 3 floors per page);</li>
 *   <li>{@code /weibo/}: an m.weibo.cn-like JSON API (keyword search and repost timelines).</li>
 * </ul>
 * Content comes from {@link DemoCorpus} (six invented stories, one of them bursting in the last hour); all times are
 * relative to {@link #start}, so trends have shape whenever the demo runs.
 */
public final class DemoSites implements AutoCloseable {
  static {
    // The JDK HttpServer leaves Nagle's algorithm on; with keep-alive that adds ~40 ms (delayed ACK) to every small
    // response and makes a loopback site look slow. Only our own loopback servers use this JDK class.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static final Logger LOG = LoggerFactory.getLogger(DemoSites.class);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter BYLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);
  private static final DateTimeFormatter DISCUZ = DateTimeFormatter.ofPattern("yyyy-M-d HH:mm:ss").withZone(SHANGHAI);
  private static final DateTimeFormatter WEIBO = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH).withZone(SHANGHAI);
  private static final DateTimeFormatter RFC822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(SHANGHAI);
  private static final Charset GBK = Charset.forName("GB18030");
  static final int FLOORS_PER_PAGE = 3;
  /** Demo sources poll again every minute, so items released after start show up during a continuous demo. */
  static final java.time.Duration REFRESH = java.time.Duration.ofMinutes(1);
  static final int WEIBO_PAGE_SIZE = 6;
  static final long WEIBO_ID_BASE = 5_100_000_000_000_000L;

  private final DemoCorpus corpus;
  private final Instant startedAt;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();
  private final List<DemoCorpus.Item> news;
  private final Map<String, List<DemoCorpus.Item>> threads = new LinkedHashMap<>();
  private final List<String> threadKeys = new ArrayList<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();

  private DemoSites(DemoCorpus corpus, Instant startedAt, int port) throws IOException {
    this.corpus = corpus;
    this.startedAt = startedAt;
    this.news = corpus.channel("news");
    int n = 0;
    for (DemoCorpus.Story s : corpus.stories()) {
      for (DemoCorpus.Item i : s.items()) {
        index.put(i.id(), ++n);
      }
    }
    for (DemoCorpus.Item i : corpus.channel("forum")) {
      threads.computeIfAbsent(i.thread(), k -> new ArrayList<>()).add(i);
    }
    threads.values().forEach(l -> l.sort(Comparator.comparingInt(DemoCorpus.Item::minutes).reversed()));
    threadKeys.addAll(threads.keySet());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "demo-sites");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the demo sites on 127.0.0.1:{@code port} (0 = any free port). */
  public static DemoSites start(int port) throws IOException {
    DemoSites sites = new DemoSites(DemoCorpus.load(), Instant.now(), port);
    LOG.info("demo sites serving {} items at {}", sites.corpus.size(), sites.baseUrl());
    return sites;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public DemoCorpus corpus() {
    return corpus;
  }

  /** The sources that crawl these sites. */
  public List<SourceConfig> sources() {
    String base = baseUrl();
    List<String> keywords = corpus.stories().stream().map(DemoCorpus.Story::keyword).toList();
    return List.of(
        new SourceConfig("demo-news", "rss", "news.demo.minsheng", "江苏", true, List.of(base + "/news/rss.xml"), REFRESH, 5,
            "/news/articles/", null, null, null, null, null, null, null, null, null, null),
        new SourceConfig("demo-forum", "discuz", "bbs.demo.minsheng", "江苏", true,
            List.of(base + "/bbs/forum.php?mod=forumdisplay&fid=2"), REFRESH, 5, null, null, null, null, null, null, null,
            null, null, null, null),
        new SourceConfig("demo-weibo", "weibo", "weibo.com", null, true, List.of(base + "/weibo"), REFRESH, 5, null, null,
            null, null, null, keywords, null, "SUB=demo", null, true, null));
  }

  /** A ready crawl configuration for these sites: loopback politeness (50 ms per request), robots.txt obeyed. */
  public CrawlConfig crawlConfig(Path storeFile, Path spoolDirectory) {
    FetchSettings fetch = FetchSettings.defaults().withHostDelay(java.time.Duration.ofMillis(50));
    CrawlConfig defaults = CrawlConfig.load(null, Map.of());
    return defaults.withSources(sources()).withFetch(fetch).withStore(storeFile, spoolDirectory);
  }

  private Instant at(DemoCorpus.Item i) {
    return startedAt.minusSeconds(60L * i.minutes());
  }

  /** Items dated in the future (negative minutes) appear only once their time has come. */
  private boolean visible(DemoCorpus.Item i) {
    return !at(i).isAfter(Instant.now());
  }

  /** How many corpus items are published by now. */
  public int visibleItems() {
    int n = 0;
    for (DemoCorpus.Story s : corpus.stories()) {
      n += (int) s.items().stream().filter(this::visible).count();
    }
    return n;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      if (path.equals("/robots.txt")) {
        send(ex, 200, "text/plain", "User-agent: *\nDisallow: /admin/\n".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/news/rss.xml")) {
        send(ex, 200, "application/rss+xml", rss().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/news/index.html")) {
        send(ex, 200, "text/html", newsIndex().getBytes(GBK));
      } else if (path.startsWith("/news/articles/") && path.endsWith(".html")) {
        DemoCorpus.Item item = byNumber(news, path.substring("/news/articles/".length(), path.length() - 5));
        if (item == null || !visible(item)) {
          send(ex, 404, "text/html", "<h1>404</h1>".getBytes(StandardCharsets.UTF_8));
        } else {
          send(ex, 200, "text/html", article(item).getBytes(GBK)); // GBK, and no charset in the header
        }
      } else if (path.equals("/bbs/forum.php") && "forumdisplay".equals(q.get("mod"))) {
        send(ex, 200, "text/html; charset=utf-8", forumList().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/bbs/forum.php") && "viewthread".equals(q.get("mod"))) {
        String page = thread(q.get("tid"), Integer.parseInt(q.getOrDefault("page", "1")));
        send(ex, page == null ? 404 : 200, "text/html; charset=utf-8",
            (page == null ? "<div id=\"messagetext\"><p>抱歉，指定的主题不存在或已被删除或正在被审核</p></div>" : page).getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/weibo/api/container/getIndex")) {
        send(ex, 200, "application/json; charset=utf-8", weiboSearch(q).getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/weibo/api/statuses/repostTimeline")) {
        send(ex, 200, "application/json; charset=utf-8", reposts(q).getBytes(StandardCharsets.UTF_8));
      } else {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      LOG.warn("demo sites: {} failed: {}", ex.getRequestURI(), e.toString());
      send(ex, 500, "text/plain", ("error: " + e).getBytes(StandardCharsets.UTF_8));
    } finally {
      ex.close();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return m;
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private DemoCorpus.Item byNumber(List<DemoCorpus.Item> items, String number) {
    for (DemoCorpus.Item i : items) {
      if (String.valueOf(index.get(i.id())).equals(number)) {
        return i;
      }
    }
    return null;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private String rss() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        + "<title>民声示例新闻网</title><link>" + baseUrl() + "/news/</link><description>示例新闻</description>\n");
    news.stream().filter(this::visible).sorted(Comparator.comparingInt(DemoCorpus.Item::minutes)).forEach(i -> sb.append("<item><title>")
        .append(esc(i.title())).append("</title><link>").append(baseUrl()).append("/news/articles/").append(index.get(i.id()))
        .append(".html</link><pubDate>").append(RFC822.format(at(i))).append("</pubDate><description><![CDATA[")
        .append(esc(i.text().split("\n")[0])).append("]]></description></item>\n"));
    return sb.append("</channel></rss>\n").toString();
  }

  private String newsIndex() {
    StringBuilder sb = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "<title>民声示例新闻网</title></head><body><ul class=\"news-list\">");
    for (DemoCorpus.Item i : news.stream().filter(this::visible).toList()) {
      sb.append("<li><a href=\"articles/").append(index.get(i.id())).append(".html\">").append(esc(i.title())).append("</a></li>");
    }
    return sb.append("</ul></body></html>").toString();
  }

  private String article(DemoCorpus.Item i) {
    StringBuilder body = new StringBuilder();
    for (String para : i.text().split("\n")) {
      body.append("<p>").append(esc(para)).append("</p>\n");
    }
    return "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "<title>" + esc(i.title()) + "_民声示例新闻网</title>"
        + "<meta property=\"article:published_time\" content=\"" + at(i).atZone(SHANGHAI).toOffsetDateTime() + "\"></head><body>"
        + "<div class=\"nav\"><a href=\"/news/\">首页</a> | <a href=\"/news/index.html\">本地</a> | <a href=\"#\">财经</a> | <a href=\"#\">体育</a></div>"
        + "<div class=\"main\"><h1>" + esc(i.title()) + "</h1>"
        + "<div class=\"info\">" + BYLINE.format(at(i)) + "<span>来源：" + esc(i.source()) + "</span><span>作者：" + esc(i.author()) + "</span></div>"
        + "<div class=\"article\">" + body + "<p class=\"editor\">责任编辑：王小明</p></div></div>"
        + "<div class=\"related\"><h3>相关阅读</h3><ul><li><a href=\"#\">本市发布冬季供暖安排</a></li><li><a href=\"#\">新版公交线路图上线</a></li></ul></div>"
        + "<div class=\"footer\">版权所有 © 民声示例新闻网 客服电话：025-00000000</div></body></html>";
  }

  private String tid(String threadKey) {
    return String.valueOf(100 + threadKeys.indexOf(threadKey));
  }

  private String forumList() {
    StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>民生热线 - 示例论坛 - Powered by Discuz!</title></head><body>"
        + "<table summary=\"forum_2\" id=\"threadlisttableid\">");
    List<String> ordered = new ArrayList<>(threadKeys);
    ordered.sort(Comparator.comparingInt(k -> threads.get(k).get(threads.get(k).size() - 1).minutes()));
    for (String key : ordered) {
      DemoCorpus.Item op = threads.get(key).get(0);
      sb.append("<tbody id=\"normalthread_").append(tid(key)).append("\"><tr><th class=\"new\"><a href=\"forum.php?mod=viewthread&amp;tid=")
          .append(tid(key)).append("&amp;extra=page%3D1\" class=\"s xst\">").append(esc(op.title())).append("</a></th>")
          .append("<td class=\"by\"><cite><a href=\"home.php?mod=space&amp;uid=").append(uid(op.author())).append("\">")
          .append(esc(op.author())).append("</a></cite></td><td class=\"num\"><a class=\"xi2\">").append(threads.get(key).size() - 1)
          .append("</a><em>").append(40 * threads.get(key).size()).append("</em></td></tr></tbody>");
    }
    return sb.append("</table></body></html>").toString();
  }

  private String thread(String tidParam, int page) {
    String key = null;
    for (String k : threadKeys) {
      if (tid(k).equals(tidParam)) {
        key = k;
      }
    }
    if (key == null) {
      return null;
    }
    List<DemoCorpus.Item> floors = threads.get(key);
    int pages = (floors.size() + FLOORS_PER_PAGE - 1) / FLOORS_PER_PAGE;
    if (page < 1 || page > pages) {
      return null;
    }
    StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>").append(esc(floors.get(0).title()))
        .append(" - 民生热线 - 示例论坛 - Powered by Discuz!</title></head><body><div id=\"postlist\" class=\"pl bm\">")
        .append("<table><tr><td class=\"pls ptn pbn\"><div class=\"hm ptn\"><span class=\"xg1\">查看:</span> <span class=\"xi1\">")
        .append(40 * floors.size()).append("</span><span class=\"pipe\">|</span><span class=\"xg1\">回复:</span> <span class=\"xi1\">")
        .append(floors.size() - 1).append("</span></div></td><td class=\"plc\"><h1 class=\"ts\"><span id=\"thread_subject\">")
        .append(esc(floors.get(0).title())).append("</span></h1></td></tr></table>");
    for (int f = (page - 1) * FLOORS_PER_PAGE; f < Math.min(floors.size(), page * FLOORS_PER_PAGE); f++) {
      DemoCorpus.Item i = floors.get(f);
      int pid = 7000 + index.get(i.id());
      sb.append("<div id=\"post_").append(pid).append("\"><table id=\"pid").append(pid).append("\"><tr><td class=\"pls\"><div class=\"authi\">")
          .append("<a href=\"home.php?mod=space&amp;uid=").append(uid(i.author())).append("\" class=\"xw1\">").append(esc(i.author()))
          .append("</a></div></td><td class=\"plc\"><div class=\"pi\"><strong><a id=\"postnum").append(pid).append("\"><em>")
          .append(f + 1).append("</em>#</a></strong><div class=\"authi\"><em id=\"authorposton").append(pid).append("\">发表于 <span title=\"")
          .append(DISCUZ.format(at(i))).append("\">").append(i.minutes() < 60 ? i.minutes() + "&nbsp;分钟前" : DISCUZ.format(at(i)))
          .append("</span></em></div></div><div class=\"pct\"><table><tr><td class=\"t_f\" id=\"postmessage_").append(pid).append("\">")
          .append(esc(i.text()).replace("\n", "<br />\n"));
      if (f % 2 == 1) {
        sb.append("<font class=\"jammer\">x").append(pid).append("q</font>");
      }
      sb.append("</td></tr></table></div><div class=\"sign\">签名：热爱生活</div></td></tr></table></div>");
    }
    sb.append("</div>");
    if (page < pages) {
      sb.append("<div class=\"pg\"><strong>").append(page).append("</strong><a href=\"forum.php?mod=viewthread&amp;tid=")
          .append(tidParam).append("&amp;extra=page%3D1&amp;page=").append(page + 1).append("\" class=\"nxt\">下一页</a></div>");
    }
    return sb.append("</body></html>").toString();
  }

  private static long uid(String author) {
    return 1_000_000L + Math.floorMod(author.hashCode(), 9_000_000);
  }

  private String weiboId(DemoCorpus.Item i) {
    return String.valueOf(WEIBO_ID_BASE + index.get(i.id()));
  }

  private ObjectNode mblog(DemoCorpus.Item i) {
    ObjectNode m = json.createObjectNode();
    m.put("id", weiboId(i));
    m.put("mid", weiboId(i));
    m.put("created_at", WEIBO.format(at(i)));
    m.put("text", esc(i.text()).replaceAll("#([^#]+)#", "<a href=\"/search?containerid=231522type%3D1%26q%3D%23$1%23\"><span class=\"surl-text\">#$1#</span></a>"));
    if (i.region() != null) {
      m.put("region_name", "发布于 " + i.region());
    }
    long reposts = corpus.channel("weibo").stream().filter(o -> i.id().equals(o.repostOf()) && visible(o)).count();
    int h = Math.floorMod(i.id().hashCode(), 97);
    m.put("reposts_count", reposts);
    m.put("comments_count", String.valueOf(h * 3 + (int) reposts * 5));
    m.put("attitudes_count", i.followers() != null && i.followers() > 100_000 ? (h + 10) / 10.0 + "万" : String.valueOf(h * 7));
    ObjectNode user = m.putObject("user");
    user.put("id", uid(i.author()));
    user.put("screen_name", i.author());
    long followers = i.followers() == null ? 100 : i.followers();
    if (followers >= 10_000) {
      user.put("followers_count", (followers / 1000) / 10.0 + "万");
    } else {
      user.put("followers_count", followers);
    }
    user.put("verified", Boolean.TRUE.equals(i.verified()));
    user.put("verified_type", Boolean.TRUE.equals(i.verified()) ? 0 : -1);
    if (i.repostOf() != null) {
      m.set("retweeted_status", mblog(corpus.item(i.repostOf())));
    }
    return m;
  }

  private String weiboSearch(Map<String, String> q) {
    String containerId = q.getOrDefault("containerid", "");
    String keyword = containerId.contains("q=") ? containerId.substring(containerId.indexOf("q=") + 2) : "";
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    List<DemoCorpus.Item> matches = new ArrayList<>();
    for (DemoCorpus.Story s : corpus.stories()) {
      if (s.keyword().equals(keyword)) {
        s.items().stream().filter(i -> i.channel().equals("weibo") && visible(i)).forEach(matches::add);
      }
    }
    matches.sort(Comparator.comparingInt(DemoCorpus.Item::minutes));
    int from = (page - 1) * WEIBO_PAGE_SIZE;
    ObjectNode root = json.createObjectNode();
    if (from >= matches.size()) {
      root.put("ok", 0);
      root.put("msg", "这里还没有内容");
      root.putObject("data");
      return root.toString();
    }
    root.put("ok", 1);
    ObjectNode data = root.putObject("data");
    data.putObject("cardlistInfo").put("containerid", containerId).put("page", page + 1);
    ArrayNode cards = data.putArray("cards");
    ObjectNode group = json.createObjectNode();
    group.put("card_type", 11);
    ArrayNode groupItems = group.putArray("card_group");
    List<DemoCorpus.Item> slice = matches.subList(from, Math.min(matches.size(), from + WEIBO_PAGE_SIZE));
    for (int k = 0; k < slice.size(); k++) {
      ObjectNode card = json.createObjectNode();
      card.put("card_type", 9);
      card.set("mblog", mblog(slice.get(k)));
      if (k < 2) {
        groupItems.add(card); // the first posts arrive nested in a card_group, as m.weibo.cn does
      } else {
        cards.add(card);
      }
    }
    cards.insert(0, group);
    return root.toString();
  }

  private String reposts(Map<String, String> q) {
    String id = q.getOrDefault("id", "");
    ObjectNode root = json.createObjectNode();
    root.put("ok", 1);
    ObjectNode data = root.putObject("data");
    ArrayNode arr = data.putArray("data");
    for (DemoCorpus.Item i : corpus.channel("weibo")) {
      if (i.repostOf() != null && visible(i) && weiboId(corpus.item(i.repostOf())).equals(id)) {
        arr.add(mblog(i));
      }
    }
    data.put("max", 1);
    data.put("total_number", arr.size());
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
