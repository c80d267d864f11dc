package org.minsheng.ingest.forum;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minsheng.ingest.time.ChineseDateParser;

/**
 * Discuz! X thread lists (forumdisplay) and thread pages (viewthread), per REFERENCE-FORMATS §2.3–2.7: one
 * {@link ForumPost} per floor, with edit notes, quotes, anti-copy "jammer" noise and attachment boxes removed from the
 * text; the quoted post's pid (from the findpost link) becomes the reply target. Message pages ({@code #messagetext})
 * and the CC-defence pages are recognised.
 */
public final class DiscuzParser {
  private static final Pattern PID = Pattern.compile("[?&]pid=(\\d+)");
  private static final Pattern UID = Pattern.compile("uid=(\\d+)");
  private static final Pattern TID = Pattern.compile("tid=(\\d+)|thread-(\\d+)-");
  private static final String[] DEFENCE_TITLES = {"频繁刷新限制", "代理服务器访问限制", "页面重载开启"};

  private DiscuzParser() {}

  /** Null when the page is normal; otherwise why it is not content, prefixed "BLOCK:" for anti-crawl / login pages. */
  public static String problem(Document doc) {
    for (String t : DEFENCE_TITLES) {
      if (doc.title().contains(t)) {
        return "BLOCK:Discuz! CC defence page '" + t + "'";
      }
    }
    Element msg = doc.selectFirst("#messagetext");
    if (msg != null) {
      String text = msg.text();
      if (text.contains("登录")) {
        return "BLOCK:login required: " + text;
      }
      return "message page: " + text;
    }
    return null;
  }

  /** Threads on a list page. */
  public static List<ForumThreadLink> threads(Document doc) {
    List<ForumThreadLink> out = new ArrayList<>();
    for (Element row : doc.select("tbody[id^=normalthread_], tbody[id^=stickthread_]")) {
      Element a = row.selectFirst("th a.xst");
      if (a == null) {
        continue;
      }
      String tid = row.id().replaceAll("\\D", "");
      out.add(new ForumThreadLink(tid, a.absUrl("href"), a.text()));
    }
    return out;
  }

  /** Absolute URL of the next page (list or thread), or null. */
  public static String nextPage(Document doc) {
    Element next = doc.selectFirst(".pg a.nxt");
    return next == null ? null : next.absUrl("href");
  }

  /** Posts on a thread page; times are read from {@code span[title]} when present (absolute), else the text. */
  public static List<ForumPost> posts(Document doc, Instant now, ChineseDateParser dates) {
    String subject = doc.select("#thread_subject").text();
    Long views = null;
    Long replies = null;
    var counts = doc.select("#postlist .hm.ptn .xi1");
    if (counts.size() >= 2) {
      views = parseLong(counts.get(0).text());
      replies = parseLong(counts.get(1).text());
    }
    List<ForumPost> out = new ArrayList<>();
    for (Element post : doc.select("#postlist > div[id^=post_]")) {
      String pid = post.id().substring("post_".length());
      if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty()) {
        continue;
      }
      Element body = post.selectFirst("td.t_f[id^=postmessage_]");
      if (body == null) {
        continue;
      }
      body = body.clone();
      String quotedPid = null;
      Element findpost = body.selectFirst("div.quote a[href*=findpost]");
      if (findpost != null) {
        Matcher m = PID.matcher(findpost.attr("href"));
        if (m.find()) {
          quotedPid = m.group(1);
        }
      }
      body.select("i.pstatus, div.quote, font.jammer, span[style*=display:none], div.attach_nopermission, .tip, ignore_js_op, div.sign, script, style").remove();
      String text = ForumText.of(body);
      Element floorEm = post.selectFirst("a[id^=postnum] em");
      Integer floor = floorEm == null ? null : (int) (long) parseLong(floorEm.text());
      Element authorLink = post.selectFirst(".authi a.xw1");
      if (authorLink == null) {
        authorLink = post.selectFirst(".authi a[href*=uid=]");
      }
      String authorName = authorLink == null ? "匿名" : authorLink.text();
      String authorId = null;
      if (authorLink != null) {
        Matcher m = UID.matcher(authorLink.attr("href"));
        authorId = m.find() ? m.group(1) : null;
      }
      Element timeEm = post.selectFirst("em[id^=authorposton]");
      Instant at = null;
      if (timeEm != null) {
        Element span = timeEm.selectFirst("span[title]");
        String t = span != null ? span.attr("title") : timeEm.text().replace("发表于", "").trim();
        at = dates.parse(t, now).orElse(null);
      }
      Element loc = post.selectFirst("div.mobile-location");
      boolean first = floor != null && floor == 1;
      out.add(new ForumPost(pid, floor, first ? subject : null, text, authorId, authorName, at, quotedPid,
          loc == null ? null : loc.text(), first ? replies : null, first ? views : null));
    }
    return out;
  }

  static String tid(String url) {
    Matcher m = TID.matcher(url);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static Long parseLong(String s) {
    String d = s.replaceAll("\\D", "");
    return d.isEmpty() ? null : Long.parseLong(d);
  }

  static Document parse(String html, URI base) {
    return Jsoup.parse(html, base.toString());
  }
}
