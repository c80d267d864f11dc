package org.minsheng.api.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.minsheng.api.ApiSettings;
import org.minsheng.api.query.Interval;
import org.minsheng.api.query.KeywordExpression;
import org.minsheng.api.query.PostFilter;
import org.minsheng.api.query.TimeWindow;

/**
 * Typed, validated access to query parameters. Every failure is a {@link BadParameterException} naming the parameter
 * and saying what was expected.
 */
public final class Params {
  private static final Pattern EPOCH_MS = Pattern.compile("\\d{10,13}");
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}_.:@/-]{1,200}");
  private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");

  private final Map<String, List<String>> query;
  private final ApiSettings.Limits limits;
  private final ZoneId zone;
  private final Clock clock;

  public Params(Map<String, List<String>> query, ApiSettings.Limits limits, ZoneId zone, Clock clock) {
    this.query = query;
    this.limits = limits;
    this.zone = zone;
    this.clock = clock;
  }

  /** The single value of {@code name}, blank treated as absent; repeated values are an error. */
  public Optional<String> string(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new BadParameterException(name, "given " + values.size() + " times, expected once");
    }
    return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0).strip());
  }

  /** All non-blank values of a repeatable parameter. */
  public List<String> all(String name) {
    return query.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
  }

  /** A keyword-like value (site, region, ids): letters, digits and {@code _ . : @ / -}, at most 200 characters. */
  public Optional<String> identifier(String name) {
    Optional<String> value = string(name);
    value.ifPresent(v -> {
      if (!IDENTIFIER.matcher(v).matches()) {
        throw new BadParameterException(name, "expected letters, digits or _ . : @ / - (at most 200), got '"
            + abbreviate(v) + "'");
      }
    });
    return value;
  }

  public Optional<String> oneOf(String name, Set<String> allowed) {
    Optional<String> value = string(name);
    value.ifPresent(v -> {
      if (!allowed.contains(v)) {
        throw new BadParameterException(name, "expected one of " + allowed.stream().sorted().toList() + ", got '"
            + abbreviate(v) + "'");
      }
    });
    return value;
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < min || n > max) {
        throw new BadParameterException(name, "expected an integer from " + min + " to " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "expected an integer, got '" + abbreviate(value.get()) + "'");
    }
  }

  /** A time: ISO-8601 instant or offset date-time, local date-time or date (in the server zone), or epoch ms. */
  public Optional<Instant> instant(String name) {
    return string(name).map(v -> parseInstant(name, v));
  }

  private Instant parseInstant(String name, String v) {
    try {
      if (EPOCH_MS.matcher(v).matches()) {
        return Instant.ofEpochMilli(Long.parseLong(v));
      }
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(zone).toInstant();
      }
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(v).toInstant();
      }
      return LocalDateTime.parse(v).atZone(zone).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      throw new BadParameterException(name, "expected a date-time such as 2026-11-21T08:00:00+08:00, a date "
          + "2026-11-21 or epoch milliseconds, got '" + abbreviate(v) + "'");
    }
  }

  /**
   * {@code from} / {@code to}; defaults: to = now rounded up to the minute (so that dashboards refreshing within the
   * same minute send identical queries, which Elasticsearch's shard request cache can answer), from = to -
   * {@code defaultLength}.
   */
  public TimeWindow window(Duration defaultLength) {
    Instant to = instant("to").orElseGet(this::nowToTheMinute);
    Instant from = instant("from").orElse(to.minus(defaultLength));
    if (from.isAfter(to)) {
      throw new BadParameterException("from", "must not be after to (" + from + " > " + to + ")");
    }
    if (Duration.between(from, to).compareTo(limits.maxWindow()) > 0) {
      throw new BadParameterException("from", "window longer than the limit of " + limits.maxWindow().toDays()
          + " days");
    }
    return new TimeWindow(from, to);
  }

  private Instant nowToTheMinute() {
    Instant now = clock.instant();
    Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return minute.equals(now) ? now : minute.plusSeconds(60);
  }

  public Interval interval(Interval defaultValue, TimeWindow window) {
    Interval interval = string("interval").map(v -> Interval.parse(v).orElseThrow(() -> new BadParameterException(
        "interval", "expected one of " + Interval.codes() + ", got '" + abbreviate(v) + "'"))).orElse(defaultValue);
    long buckets = (window.length().toMillis() + interval.width().toMillis() - 1) / interval.width().toMillis();
    if (buckets > limits.maxBuckets()) {
      throw new BadParameterException("interval", interval.code() + " over this window gives " + buckets
          + " buckets, more than the limit of " + limits.maxBuckets() + ": choose a wider interval or a shorter window");
    }
    return interval;
  }

  public KeywordExpression keywords(String name, String value) {
    if (value.length() > limits.maxKeywordLength()) {
      throw new BadParameterException(name, "longer than " + limits.maxKeywordLength() + " characters");
    }
    try {
      return KeywordExpression.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(name, e.getMessage());
    }
  }

  /** Window plus the optional {@code topic, site, platform, region, sentiment} filters and one {@code q}. */
  public PostFilter postFilter(Duration defaultLength) {
    TimeWindow window = window(defaultLength);
    return new PostFilter(window, string("q").map(v -> keywords("q", v)), identifier("topic"), identifier("site"),
        identifier("platform"), identifier("region"), oneOf("sentiment", SENTIMENTS));
  }

  /** As {@link #postFilter} but without {@code q} (callers that treat {@code q} themselves, e.g. comparison). */
  public PostFilter postFilterWithoutKeywords(Duration defaultLength) {
    TimeWindow window = window(defaultLength);
    return new PostFilter(window, Optional.empty(), identifier("topic"), identifier("site"), identifier("platform"),
        identifier("region"), oneOf("sentiment", SENTIMENTS));
  }

  /** 1-based page number and page size, bounded by the result window. */
  public Page page(int defaultSize) {
    int size = integer("size", defaultSize, 1, limits.maxPageSize());
    int page = integer("page", 1, 1, Integer.MAX_VALUE);
    if ((long) page * size > limits.maxResultWindow()) {
      throw new BadParameterException("page", "page × size must stay within " + limits.maxResultWindow()
          + ": narrow the filters instead of paging this deep");
    }
    return new Page(page, size);
  }

  public record Page(int page, int size) {
    public int offset() {
      return (page - 1) * size;
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public Clock clock() {
    return clock;
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
