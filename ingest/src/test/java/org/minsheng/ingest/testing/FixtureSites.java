package org.minsheng.ingest.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A small news portal (RSS + GBK articles) and a Discuz!-style forum (multi-page threads) on a {@link FixtureServer}. */
public final class FixtureSites {
  public static final int ARTICLES = 40;
  public static final int THREADS = 5;
  public static final int PAGES_PER_THREAD = 2;
  public static final int FLOORS_PER_PAGE = 3;

  private FixtureSites() {}

  public static int expectedPosts() {
    return ARTICLES + THREADS * PAGES_PER_THREAD * FLOORS_PER_PAGE;
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void install(FixtureServer s, int delayMillis) {
    Instant base = Instant.now().minusSeconds(7200);
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    s.route("/robots.txt", FixtureServer.text("text/plain", "User-agent: *\nDisallow: /admin/\n"));
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>");
    for (int i = 1; i <= ARTICLES; i++) {
      rss.append("<item><title>新闻").append(i).append("</title><link>").append(s.base()).append("/news/a/").append(i)
          .append(".html</link></item>");
      String html = "<html><head><meta charset=\"gbk\"><title>第" + i + "条新闻：城区暴雨排水情况</title></head><body><div class=\"nav\">首页</div>"
          + "<div class=\"article\"><p>发布时间：" + fmt.format(base.plusSeconds(60L * i)) + "</p><p>第" + i
          + "条新闻正文。今日城区遭遇强降雨，多条道路出现积水，市政部门已组织力量排水。</p><p>市民反映部分路段积水较深，请注意出行安全。</p></div></body></html>";
      int n = i;
      s.route("/news/a/" + i + ".html", (ex, hit) -> {
        pause(delayMillis);
        FixtureServer.send(ex, 200, "text/html", html.getBytes(Charset.forName("GB18030")));
      });
    }
    rss.append("</channel></rss>");
    s.route("/news/rss.xml", FixtureServer.text("application/rss+xml", rss.toString()));
    StringBuilder list = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>论坛</title></head><body><table id=\"threadlisttableid\">");
    for (int t = 1; t <= THREADS; t++) {
      int tid = 1000 + t;
      list.append("<tbody id=\"normalthread_").append(tid).append("\"><tr><th><a href=\"forum.php?mod=viewthread&amp;tid=")
          .append(tid).append("\" class=\"s xst\">帖子").append(t).append("</a></th></tr></tbody>");
      for (int p = 1; p <= PAGES_PER_THREAD; p++) {
        StringBuilder page = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>帖子</title></head><body><span id=\"thread_subject\">帖子")
            .append(t).append("：小区物业不作为</span><div id=\"postlist\">");
        for (int f = 1; f <= FLOORS_PER_PAGE; f++) {
          int floor = (p - 1) * FLOORS_PER_PAGE + f;
          int pid = tid * 100 + floor;
          page.append("<div id=\"post_").append(pid).append("\"><a href=\"home.php?mod=space&amp;uid=").append(floor)
              .append("\" class=\"xw1\"></a><div class=\"authi\"><a href=\"home.php?mod=space&amp;uid=").append(floor)
              .append("\" class=\"xw1\">用户").append(floor).append("</a></div><a id=\"postnum").append(pid).append("\"><em>")
              .append(floor).append("</em>#</a><em id=\"authorposton").append(pid).append("\">发表于 ")
              .append(fmt.format(base.plusSeconds(600L * t + 60L * floor))).append("</em><table><tr><td class=\"t_f\" id=\"postmessage_")
              .append(pid).append("\">帖子").append(t).append("第").append(floor).append("楼：物业一直不回应，业主很不满意。</td></tr></table></div>");
        }
        page.append("</div>");
        if (p < PAGES_PER_THREAD) {
          page.append("<div class=\"pg\"><strong>").append(p).append("</strong><a href=\"forum.php?mod=viewthread&amp;tid=").append(tid)
              .append("&amp;page=").append(p + 1).append("\" class=\"nxt\">下一页</a></div>");
        }
        page.append("</body></html>");
        String body = page.toString();
        String key = "/bbs/forum.php?mod=viewthread&tid=" + tid + (p == 1 ? "" : "&page=" + p);
        s.route(key, (ex, hit) -> {
          pause(delayMillis);
          FixtureServer.send(ex, 200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        });
      }
    }
    list.append("</table></body></html>");
    s.route("/bbs/forum.php?mod=forumdisplay&fid=2", FixtureServer.text("text/html; charset=utf-8", list.toString()));
  }

  public static String config(FixtureServer s, String store, String spool, String hostDelay) {
    return "crawl:\n  store: " + store + "\n  threads: 2\n  statsInterval: PT1S\n  onceMaxWait: PT1S\n"
        + "handoff:\n  spool:\n    directory: " + spool + "\n"
        + "fetch:\n  hostDelay: " + hostDelay + "\n  backoffBase: PT0.02S\n  backoffMax: PT0.2S\n  connectTimeout: PT2S\n  readTimeout: PT5S\n"
        + "sources:\n"
        + "  - {name: fx-news, type: rss, urls: [\"" + s.base() + "/news/rss.xml\"], region: 江苏}\n"
        + "  - {name: fx-bbs, type: discuz, site: bbs.fixture, urls: [\"" + s.base() + "/bbs/forum.php?mod=forumdisplay&fid=2\"]}\n";
  }
}
