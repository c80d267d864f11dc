package org.minsheng.api.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The bucket widths a trend series may use; Elasticsearch {@code fixed_interval} values. */
public enum Interval {
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  M30("30m", Duration.ofMinutes(30)),
  H1("1h", Duration.ofHours(1)),
  H3("3h", Duration.ofHours(3)),
  H6("6h", Duration.ofHours(6)),
  H12("12h", Duration.ofHours(12)),
  D1("1d", Duration.ofDays(1));

  private final String code;
  private final Duration width;

  Interval(String code, Duration width) {
    this.code = code;
    this.width = width;
  }

  public String code() {
    return code;
  }

  public Duration width() {
    return width;
  }

  public static Optional<Interval> parse(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Interval::code).toList();
  }
}
