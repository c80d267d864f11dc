package org.minsheng.ingest.news;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.minsheng.ingest.crawl.Extraction;

/**
 * RSS 2.0 and Atom, tolerant of the quirks of Chinese feeds (REFERENCE-FORMATS §4.5): the bytes are decoded by us
 * (HTTP charset, BOM, then the XML prolog, with gb2312/gbk read as GB18030) because the JDK's XML decoder corrupts
 * GBK-only characters; titles and descriptions are unescaped until stable; {@code CST} means +08:00; non-RFC dates fall
 * back to the Chinese date parser; Atom links are read from {@code @href}.
 */
public final class FeedParser {
  private static final Pattern PROLOG_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_\\-]+)");
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");

  /** One feed item. {@code link} may be null (then the description is all we have). */
  public record Item(String title, String link, String description, Instant published, String author) {}

  private FeedParser() {}

  public static List<Item> parse(byte[] body, String contentType, Instant now, Extraction extraction) {
    String xml = decode(body, contentType, extraction);
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    List<Item> items = new ArrayList<>();
    for (Element e : doc.select("item, entry")) {
      String title = unescape(text(e, "title"));
      String link = text(e, "link");
      if (link.isBlank()) {
        Element l = e.selectFirst("link[href]");
        if (l != null) {
          link = l.attr("href");
        }
      }
      if (link.isBlank()) {
        link = text(e, "guid");
        if (!link.startsWith("http")) {
          link = "";
        }
      }
      String description = text(e, "content|encoded");
      if (description.isBlank()) {
        description = text(e, "description");
      }
      if (description.isBlank()) {
        description = text(e, "summary");
      }
      if (description.isBlank()) {
        description = text(e, "content");
      }
      description = Jsoup.parse(unescape(description)).text();
      String date = first(e, "pubDate", "pubdate", "published", "updated", "dc|date");
      String author = first(e, "author", "dc|creator");
      items.add(new Item(title.isBlank() ? null : title, link.isBlank() ? null : link.trim(),
          description.isBlank() ? null : description, date(date, now, extraction), author.isBlank() ? null : Jsoup.parse(author).text()));
    }
    return items;
  }

  static String decode(byte[] body, String contentType, Extraction extraction) {
    Charset cs = null;
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    if (cs == null && body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      cs = StandardCharsets.UTF_8;
    }
    if (cs == null) {
      String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
      Matcher m = PROLOG_ENCODING.matcher(head);
      cs = m.find() ? charset(m.group(1)) : null;
    }
    if (cs == null) {
      return extraction.decoder().decode(body, null).html();
    }
    String xml = new String(body, cs);
    if (xml.startsWith("\ufeff")) {
      xml = xml.substring(1);
    }
    return PROLOG_ENCODING.matcher(xml).replaceFirst(mr -> mr.group(0).replace(mr.group(1), "UTF-8"));
  }

  private static Charset charset(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("cp936")) {
      return Charset.forName("GB18030");
    }
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(Element e, String tag) {
    Element c = e.selectFirst("> " + tag);
    return c == null ? "" : c.text().trim();
  }

  private static String first(Element e, String... tags) {
    for (String t : tags) {
      String v = text(e, t);
      if (!v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  /** Unescapes HTML entities until stable (at most twice), for double-escaped Discuz titles. */
  static String unescape(String s) {
    String cur = s;
    for (int i = 0; i < 2 && (cur.contains("&lt;") || cur.contains("&amp;") || cur.contains("&#") || cur.contains("&quot;")); i++) {
      cur = Parser.unescapeEntities(cur, false);
    }
    return cur;
  }

  static Instant date(String s, Instant now, Extraction extraction) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim().replaceAll("\\bCST$", "+0800").replaceAll("\\bGMT$", "+0000");
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notRfc) {
      return extraction.dates().parse(t, now).orElse(null);
    }
  }
}
