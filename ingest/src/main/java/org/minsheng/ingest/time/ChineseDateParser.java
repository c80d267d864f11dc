package org.minsheng.ingest.time;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date shapes seen on Chinese news pages, forums and Weibo into an {@link Instant}, reading times without
 * an offset in Asia/Shanghai.
 *
 * <p>Accepted (anywhere in the text, first match wins in this order): relative times ({@code 刚刚}, {@code 5分钟前},
 * {@code 3小时前}, {@code 半小时前}, {@code 2天前}, {@code 今天/昨天/前天 HH:mm}); Weibo's
 * {@code Tue Mar 25 08:39:00 +0800 2022} (weekday not cross-checked: fake servers and old captures get it wrong);
 * RFC 1123 ({@code CST} read as +08:00, as in Chinese feeds); ISO 8601 with or without offset; {@code 2022-03-25
 * 08:39[:00]}, {@code 2022/3/25}, {@code 2022.03.25}, {@code 2022年3月25日 08:39}, {@code 2022年3月25日 8时39分},
 * {@code 2007-08-20-23:59:59}, two-digit years {@code 22-03-25 08:39}; dates without a year ({@code 3月25日},
 * {@code 03-25 08:39}: the year of {@code now}, or the year before if that would be in the future); month only
 * ({@code 2014-03}). Full-width digits and punctuation are normalised first.
 *
 * <p>Rejected (empty result): dates more than one day after {@code now} and dates before 1990. Stateless and
 * thread-safe.
 */
public final class ChineseDateParser {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  private static final Duration MAX_FUTURE = Duration.ofDays(1);

  private static final Pattern JUST_NOW = Pattern.compile("刚刚|刚才|just now", Pattern.CASE_INSENSITIVE);
  private static final Pattern AGO = Pattern.compile("(\\d+|半|一|两|几)\\s*(秒|分钟|分|小时|个小时|天|日|周|星期|个月|月|年)\\s*(?:之)?前");
  private static final Pattern DAY_WORD = Pattern.compile("(今天|昨天|前天|今日|昨日)\\s*(?:(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}))?)?");
  private static final Pattern WEIBO = Pattern.compile(
      "(?:[A-Z][a-z]{2}\\s+)?([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(\\d{1,2}:\\d{2}:\\d{2})\\s+([+-]\\d{4})\\s+(\\d{4})");
  private static final Pattern RFC1123 = Pattern.compile(
      "(?:[A-Z][a-z]{2},\\s*)?(\\d{1,2})\\s+([A-Z][a-z]{2})\\s+(\\d{4})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(GMT|UTC|UT|CST|Z|[+-]\\d{4})?");
  private static final Pattern FULL = Pattern.compile(
      "(?<![\\d])(\\d{4}|\\d{2})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})(?![\\d])\\s*日?"
          + "(?:\\s*(?:[T\\s]|-|日)?\\s*(?:上午|下午|晚上)?\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2})(?:\\.\\d+)?)?\\s*(?:秒|分)?"
          + "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern NO_YEAR_CN = Pattern.compile(
      "(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2}))?");
  private static final Pattern NO_YEAR_DASH = Pattern.compile(
      "(?<![\\d\\-/])(\\d{1,2})[-/](\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2}))?(?![\\d\\-/:])");
  private static final Pattern MONTH_ONLY = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})月?$");
  private static final Pattern TIME_ONLY = Pattern.compile("^(\\d{1,2}):(\\d{2})$");
  private static final DateTimeFormatter MONTH_ABBR = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

  /** Parses {@code text}; {@code now} anchors relative and year-less dates. */
  public Optional<Instant> parse(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = normalise(text);
    return parseNormalised(s, now).filter(i -> plausible(i, now));
  }

  private Optional<Instant> parseNormalised(String s, Instant now) {
    ZonedDateTime local = now.atZone(SHANGHAI);
    if (JUST_NOW.matcher(s).find()) {
      return Optional.of(now);
    }
    Matcher m = AGO.matcher(s);
    if (m.find()) {
      try {
        return Optional.of(minus(local, m.group(1), m.group(2)).toInstant());
      } catch (NumberFormatException | DateTimeException | ArithmeticException tooFarBack) {
        return Optional.empty(); // e.g. 99999999999999999999天前: no date at all, like any other implausible one
      }
    }
    m = DAY_WORD.matcher(s);
    // a bare 今日/昨天 inside a sentence ("今日（12月28日）有网友…") is not a timestamp: only with a time or alone
    if (m.find() && (m.group(2) != null || s.strip().length() <= 4)) {
      int back = switch (m.group(1)) {
        case "昨天", "昨日" -> 1;
        case "前天" -> 2;
        default -> 0;
      };
      LocalDate day = local.toLocalDate().minusDays(back);
      LocalTime t = m.group(2) == null ? LocalTime.MIDNIGHT : time(m.group(2), m.group(3), m.group(4));
      return t == null ? Optional.empty() : Optional.of(day.atTime(t).atZone(SHANGHAI).toInstant());
    }
    m = WEIBO.matcher(s);
    if (m.find()) {
      return weibo(m);
    }
    m = RFC1123.matcher(s);
    if (m.find()) {
      Optional<Instant> r = rfc1123(m);
      if (r.isPresent()) {
        return r;
      }
    }
    m = FULL.matcher(s);
    while (m.find()) {
      Optional<Instant> r = full(m);
      if (r.isPresent()) {
        return r;
      }
    }
    m = MONTH_ONLY.matcher(s.trim());
    if (m.find()) {
      return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1, LocalTime.MIDNIGHT, null);
    }
    m = NO_YEAR_CN.matcher(s);
    if (m.find()) {
      return noYear(local, m.group(1), m.group(2), m.group(3), m.group(4));
    }
    m = NO_YEAR_DASH.matcher(s.trim());
    if (m.matches() || (m.reset().find() && m.group(3) != null)) {
      return noYear(local, m.group(1), m.group(2), m.group(3), m.group(4));
    }
    m = TIME_ONLY.matcher(s.trim());
    if (m.find()) {
      LocalTime t = time(m.group(1), m.group(2), null);
      return t == null ? Optional.empty() : Optional.of(local.toLocalDate().atTime(t).atZone(SHANGHAI).toInstant());
    }
    return Optional.empty();
  }

  /** Full-width ASCII → half-width, ideographic space → space, NBSP → space. */
  static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        b.append((char) (c - 0xFEE0));
      } else if (c == '\u3000' || c == '\u00A0') {
        b.append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static ZonedDateTime minus(ZonedDateTime local, String amount, String unit) {
    boolean half = amount.equals("半");
    long n = switch (amount) {
      case "半", "一" -> 1;
      case "两" -> 2;
      case "几" -> 3;
      default -> Long.parseLong(amount);
    };
    return switch (unit) {
      case "秒" -> local.minusSeconds(n);
      case "分钟", "分" -> local.minusMinutes(n);
      case "小时", "个小时" -> half ? local.minusMinutes(30) : local.minusHours(n);
      case "天", "日" -> half ? local.minusHours(12) : local.minusDays(n);
      case "周", "星期" -> local.minusWeeks(n);
      case "个月", "月" -> half ? local.minusDays(15) : local.minusMonths(n);
      default -> half ? local.minusMonths(6) : local.minusYears(n);
    };
  }

  private static Optional<Instant> weibo(Matcher m) {
    try {
      int month = MONTH_ABBR.parse(m.group(1)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
      LocalTime t = LocalTime.parse(m.group(3).length() == 7 ? "0" + m.group(3) : m.group(3));
      LocalDateTime ldt = LocalDate.of(Integer.parseInt(m.group(5)), month, Integer.parseInt(m.group(2))).atTime(t);
      return Optional.of(ldt.atOffset(ZoneOffset.of(m.group(4))).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> rfc1123(Matcher m) {
    try {
      int month = MONTH_ABBR.parse(m.group(2)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
      String[] hms = m.group(4).split(":");
      LocalTime t = LocalTime.of(Integer.parseInt(hms[0]), Integer.parseInt(hms[1]), hms.length > 2 ? Integer.parseInt(hms[2]) : 0);
      LocalDateTime ldt = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))).atTime(t);
      String zone = m.group(5);
      ZoneOffset off;
      if (zone == null || zone.equals("CST")) {
        off = ZoneOffset.ofHours(8);
      } else if (zone.equals("GMT") || zone.equals("UTC") || zone.equals("UT") || zone.equals("Z")) {
        off = ZoneOffset.UTC;
      } else {
        off = ZoneOffset.of(zone);
      }
      return Optional.of(ldt.atOffset(off).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> full(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    if (m.group(1).length() == 2) {
      year += year > 69 ? 1900 : 2000;
    }
    LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6));
    if (t == null) {
      return Optional.empty();
    }
    String prefix = m.group(0);
    if (prefix.contains("下午") || prefix.contains("晚上")) {
      if (t.getHour() < 12) {
        t = t.plusHours(12);
      }
    }
    return date(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), t, m.group(7));
  }

  private static Optional<Instant> date(int y, int mo, int d, LocalTime t, String offset) {
    try {
      LocalDateTime ldt = LocalDate.of(y, mo, d).atTime(t);
      if (offset == null) {
        return Optional.of(ldt.atZone(SHANGHAI).toInstant());
      }
      String o = offset.equals("Z") ? "Z" : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
      return Optional.of(OffsetDateTime.of(ldt, ZoneOffset.of(o)).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> noYear(ZonedDateTime local, String mo, String d, String h, String mi) {
    LocalTime t = h == null ? LocalTime.MIDNIGHT : time(h, mi, null);
    if (t == null) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(local.getYear(), Integer.parseInt(mo), Integer.parseInt(d));
      ZonedDateTime z = date.atTime(t).atZone(SHANGHAI);
      if (z.isAfter(local.plus(MAX_FUTURE))) {
        z = z.minusYears(1);
      }
      return Optional.of(z.toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static LocalTime time(String h, String m, String s) {
    try {
      return LocalTime.of(Integer.parseInt(h), Integer.parseInt(m), s == null ? 0 : Integer.parseInt(s));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean plausible(Instant i, Instant now) {
    return !i.isAfter(now.plus(MAX_FUTURE)) && !i.atZone(SHANGHAI).toLocalDate().isBefore(EARLIEST);
  }
}
