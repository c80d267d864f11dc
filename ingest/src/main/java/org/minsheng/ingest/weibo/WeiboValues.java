package org.minsheng.ingest.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minsheng.ingest.time.ChineseDateParser;

/** Lenient readers for Weibo's drifting value shapes (REFERENCE-FORMATS §0, §1.8, §1.9). */
public final class WeiboValues {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TWITTER = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private static final Pattern COUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(万|亿)?");
  private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{1,2})-(\\d{1,2})$");

  private WeiboValues() {}

  /** 12, "12", "105.9万", "1.51亿", "100万+" → a number; labels such as "赞" or missing → null. */
  public static Long count(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    String s = node.asText().replace(",", "").replace("+", "").trim();
    Matcher m = COUNT.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal v = new BigDecimal(m.group(1));
    if ("万".equals(m.group(2))) {
      v = v.multiply(BigDecimal.valueOf(10_000));
    } else if ("亿".equals(m.group(2))) {
      v = v.multiply(BigDecimal.valueOf(100_000_000));
    }
    return v.longValue();
  }

  /** Weibo {@code created_at}: Twitter style first, then MM-dd (this year), then the general Chinese forms. */
  public static Optional<Instant> createdAt(String text, Instant now, ChineseDateParser dates) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      return Optional.of(ZonedDateTime.parse(t, TWITTER).toInstant());
    } catch (DateTimeParseException notTwitter) {
      Matcher m = MONTH_DAY.matcher(t);
      if (m.matches()) {
        LocalDate today = now.atZone(SHANGHAI).toLocalDate();
        MonthDay monthDay;
        try {
          monthDay = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException noSuchDay) {
          return Optional.empty(); // 13-45, 02-30: unreadable, the post is skipped with that reason
        }
        LocalDate d = monthDay.atYear(today.getYear());
        if (d.isAfter(today)) {
          d = d.minusYears(1);
        }
        return Optional.of(d.atStartOfDay(SHANGHAI).toInstant());
      }
      return dates.parse(t, now);
    }
  }

  /** "发布于 北京" → "北京"; "来自江苏" → "江苏". */
  public static String region(String regionName) {
    if (regionName == null || regionName.isBlank()) {
      return null;
    }
    String r = regionName.trim();
    for (String prefix : new String[] {"发布于", "来自", "IP属地:", "IP属地："}) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length()).trim();
      }
    }
    return r.isEmpty() ? null : r;
  }

  /** Weibo's base62 bid for a numeric id (REFERENCE-FORMATS §1.14). */
  public static String bid(String id) {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder out = new StringBuilder();
    int end = id.length();
    while (end > 0) {
      int start = Math.max(0, end - 7);
      long v = Long.parseLong(id.substring(start, end));
      StringBuilder g = new StringBuilder();
      while (v > 0) {
        g.insert(0, alphabet.charAt((int) (v % 62)));
        v /= 62;
      }
      if (start > 0) {
        while (g.length() < 4) {
          g.insert(0, '0');
        }
      }
      out.insert(0, g);
      end = start;
    }
    return out.toString();
  }
}
