package org.minsheng.ingest.crawl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * TEMPORARY stand-in for the extract engineer's entry points ({@code org.minsheng.ingest.charset.HtmlDecoder},
 * {@code extract.ArticleExtractor}, {@code clean.CleaningChain}, {@code time.ChineseDateParser}), with the same
 * signatures, so the crawler compiles and runs before their branch is merged. Deleted after merging main; callers then
 * use the real classes. Deliberately minimal.
 */
public final class ExtractionAdapter {
  /** Stand-in for org.minsheng.ingest.charset.HtmlDecoder. */
  public static final class HtmlDecoder {
    public DecodedHtml decode(byte[] body, String contentTypeHeader) {
      return ExtractionAdapter.decode(body, contentTypeHeader);
    }
  }

  /** Stand-in for org.minsheng.ingest.extract.ArticleExtractor. */
  public static final class ArticleExtractor {
    public Article extract(String html, String url) {
      return ExtractionAdapter.extract(html, url);
    }
  }

  /** Stand-in for org.minsheng.ingest.clean.CleaningChain. */
  public static final class CleaningChain {
    public static CleaningChain fromDefaults() {
      return new CleaningChain();
    }

    public String clean(String text) {
      return ExtractionAdapter.clean(text);
    }
  }

  /** Stand-in for org.minsheng.ingest.time.ChineseDateParser. */
  public static final class ChineseDateParser {
    public java.util.Optional<Instant> parse(String text, Instant now) {
      return ExtractionAdapter.parse(text, now);
    }
  }

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");

  private ExtractionAdapter() {}

  public record DecodedHtml(String html, Charset charset) {}

  public record Article(String title, String body, String author, Instant publishedAt, String source) {}

  static DecodedHtml decode(byte[] body, String contentTypeHeader) {
    Charset cs = null;
    if (contentTypeHeader != null) {
      Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    if (cs == null && body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      cs = StandardCharsets.UTF_8;
    }
    if (cs == null) {
      String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    if (cs == null) {
      UniversalDetector d = new UniversalDetector();
      d.handleData(body, 0, Math.min(body.length, 64 * 1024));
      d.dataEnd();
      cs = d.getDetectedCharset() == null ? null : charset(d.getDetectedCharset());
    }
    if (cs == null) {
      cs = StandardCharsets.UTF_8;
    }
    return new DecodedHtml(new String(body, cs), cs);
  }

  private static Charset charset(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("cp936") || n.equals("gb18030")) {
      return Charset.forName("GB18030");
    }
    if (n.equals("big5") || n.equals("big5-hkscs")) {
      return Charset.forName("Big5-HKSCS");
    }
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Article extract(String html, String url) {
    Document doc = Jsoup.parse(html, url);
    String title = doc.select("meta[property=og:title]").attr("content");
    if (title.isBlank()) {
      Element h1 = doc.selectFirst("h1");
      title = h1 != null ? h1.text() : doc.title();
    }
    Element best = null;
    int bestLen = 0;
    for (Element e : doc.select("div, article, section, td")) {
      int len = 0;
      for (Element p : e.children()) {
        if (p.tagName().equals("p")) {
          len += p.text().length();
        }
      }
      if (len > bestLen) {
        bestLen = len;
        best = e;
      }
    }
    StringBuilder body = new StringBuilder();
    if (best != null) {
      for (Element p : best.children()) {
        if (p.tagName().equals("p") && !p.text().isBlank()) {
          body.append(p.text().trim()).append('\n');
        }
      }
    }
    Instant published = null;
    String metaTime = doc.select("meta[property=article:published_time]").attr("content");
    if (!metaTime.isBlank()) {
      published = parse(metaTime, Instant.now()).orElse(null);
    }
    if (published == null) {
      published = parse(doc.text(), Instant.now()).orElse(null);
    }
    String source = null;
    Matcher m = Pattern.compile("来源[:：]\\s*([\\p{IsHan}A-Za-z0-9·]+)").matcher(doc.text());
    if (m.find()) {
      source = m.group(1);
    }
    String author = doc.select("meta[name=author]").attr("content");
    return new Article(title.trim(), body.toString().trim(), author.isBlank() ? null : author, published, source);
  }

  static String clean(String text) {
    return text == null ? null : text.replace('\u00a0', ' ').replaceAll("[ \\t\\u3000]+", " ").trim();
  }

  private static final Pattern ABS = Pattern.compile(
      "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2})[:时](\\d{1,2})(?:[:分](\\d{1,2}))?)?");
  private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(秒|分钟|小时|天)前");
  private static final Pattern YESTERDAY = Pattern.compile("(昨天|前天|今天)\\s*(\\d{1,2}):(\\d{2})");

  static Optional<Instant> parse(String text, Instant now) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.replace('\u00a0', ' ').trim();
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException notIso) {
      // fall through to the Chinese forms
    }
    Matcher m = ABS.matcher(t);
    if (m.find()) {
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalDateTime dt = m.group(4) == null ? d.atStartOfDay()
            : d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return Optional.of(dt.atZone(SHANGHAI).toInstant());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    m = AGO.matcher(t);
    if (m.find()) {
      long n = Long.parseLong(m.group(1));
      long seconds = switch (m.group(2)) {
        case "秒" -> n;
        case "分钟" -> n * 60;
        case "小时" -> n * 3600;
        default -> n * 86400;
      };
      return Optional.of(now.minusSeconds(seconds));
    }
    if (t.contains("半小时前")) {
      return Optional.of(now.minusSeconds(1800));
    }
    if (t.contains("刚刚")) {
      return Optional.of(now);
    }
    m = YESTERDAY.matcher(t);
    if (m.find()) {
      int back = switch (m.group(1)) {
        case "昨天" -> 1;
        case "前天" -> 2;
        default -> 0;
      };
      LocalDate day = now.atZone(SHANGHAI).toLocalDate().minusDays(back);
      return Optional.of(day.atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).atZone(SHANGHAI).toInstant());
    }
    return Optional.empty();
  }
}
