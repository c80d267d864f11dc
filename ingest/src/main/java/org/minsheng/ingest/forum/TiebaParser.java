package org.minsheng.ingest.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * Baidu Tieba list and thread pages as public crawlers parse them (REFERENCE-FORMATS §2.11): the list hides inside
 * HTML comments in {@code code.pagelet_html}; posts carry a {@code data-field} JSON with the floor and post id; the
 * time and IP属地 are in the post tail. The 百度安全验证 captcha page is recognised as a block.
 */
public final class TiebaParser {
  private static final Pattern TAIL_TIME = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{2}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TiebaParser() {}

  /** Parses a Tieba page, un-hiding the commented pagelets first. */
  public static Document parse(String html, String baseUrl) {
    return Jsoup.parse(html.replace("<!--", "").replace("-->", ""), baseUrl);
  }

  public static String problem(Document doc) {
    if (doc.title().contains("百度安全验证")) {
      return "BLOCK:Baidu security check (captcha)";
    }
    return null;
  }

  public static List<ForumThreadLink> threads(Document doc) {
    List<ForumThreadLink> out = new ArrayList<>();
    for (Element li : doc.select("li.j_thread_list")) {
      Element a = li.selectFirst("a.j_th_tit");
      if (a == null) {
        continue;
      }
      String tid = li.attr("data-tid");
      if (tid.isBlank()) {
        tid = a.attr("href").replaceAll("\\D", "");
      }
      out.add(new ForumThreadLink(tid, a.absUrl("href"), a.hasAttr("title") ? a.attr("title") : a.text()));
    }
    return out;
  }

  public static String nextListPage(Document doc) {
    Element next = doc.selectFirst("#frs_list_pager a.next");
    return next == null ? null : next.absUrl("href");
  }

  public static String nextThreadPage(Document doc) {
    for (Element a : doc.select("li.l_pager a, .l_pager a")) {
      if (a.text().contains("下一页")) {
        return a.absUrl("href");
      }
    }
    return null;
  }

  public static List<ForumPost> posts(Document doc, Instant now, ChineseDateParser dates) {
    Element h3 = doc.selectFirst("h3.core_title_txt, .core_title_txt");
    String subject = h3 == null ? doc.title().replaceAll("【.*$", "") : (h3.hasAttr("title") ? h3.attr("title") : h3.text());
    List<ForumPost> out = new ArrayList<>();
    for (Element post : doc.select("div.l_post.j_l_post")) {
      JsonNode field;
      try {
        field = JSON.readTree(post.attr("data-field"));
      } catch (IOException e) {
        continue;
      }
      if (field == null) {
        continue;
      }
      JsonNode content = field.path("content");
      String pid = content.path("post_id").asText("");
      Element body = post.selectFirst("div.d_post_content");
      if (pid.isBlank() || body == null) {
        continue;
      }
      int floor = content.path("post_no").asInt(0);
      String text = ForumText.of(body);
      JsonNode author = field.path("author");
      String name = author.path("user_nickname").isTextual() ? author.path("user_nickname").asText() : author.path("user_name").asText(null);
      Instant at = null;
      String region = null;
      for (Element span : post.select(".post-tail-wrap span")) {
        Matcher m = TAIL_TIME.matcher(span.text());
        if (m.find()) {
          at = dates.parse(m.group(), now).orElse(null);
        }
        if (span.text().startsWith("IP属地")) {
          region = span.text().replaceFirst("IP属地[:：]", "").trim();
        }
      }
      if (at == null && content.hasNonNull("date")) {
        at = dates.parse(content.path("date").asText(), now).orElse(null);
      }
      out.add(new ForumPost(pid, floor, floor == 1 ? subject : null, text, author.path("user_id").asText(null), name, at,
          null, region, null, null));
    }
    return out;
  }
}
