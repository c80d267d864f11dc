package org.minsheng.es;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long data is kept: a calendar {@link Period} (months are months, not 30 days) or forever. Parsed from the
 * settings as {@code 13 months}, {@code 400 days}, {@code 8 weeks}, {@code 2 years}, ISO-8601 {@code P13M}, or
 * {@code forever} / empty.
 */
public final class RetentionPeriod {
  public static final RetentionPeriod FOREVER = new RetentionPeriod(null);
  private static final Pattern WORDS = Pattern.compile("([0-9]+)\\s*(day|week|month|year)s?");

  private final Period period; // null = forever

  private RetentionPeriod(Period period) {
    this.period = period;
  }

  /** A finite retention; must be positive (at least one day). */
  public static RetentionPeriod of(Period period) {
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a retention must be at least one day: " + period);
    }
    return new RetentionPeriod(period.normalized());
  }

  /** Parses a settings value; the error names the accepted forms. */
  public static RetentionPeriod parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("forever")) {
      return FOREVER;
    }
    try {
      if (t.startsWith("p")) {
        return of(Period.parse(t.toUpperCase(Locale.ROOT)));
      }
      Matcher m = WORDS.matcher(t);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(1));
        return of(switch (m.group(2)) {
          case "day" -> Period.ofDays(n);
          case "week" -> Period.ofWeeks(n);
          case "month" -> Period.ofMonths(n);
          default -> Period.ofYears(n);
        });
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(invalid(text) + " (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(invalid(text));
  }

  private static String invalid(String text) {
    return "invalid retention '" + text + "': use e.g. '13 months', '400 days', '8 weeks', '2 years', 'P13M' or 'forever'";
  }

  public boolean isForever() {
    return period == null;
  }

  /** The period, empty when forever. */
  public Optional<Period> period() {
    return Optional.ofNullable(period);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetentionPeriod r && java.util.Objects.equals(period, r.period);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(period);
  }

  /** ISO-8601 ({@code P1Y1M}) or {@code forever}. */
  @Override
  public String toString() {
    return period == null ? "forever" : period.toString();
  }
}
