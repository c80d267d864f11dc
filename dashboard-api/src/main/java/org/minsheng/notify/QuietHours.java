package org.minsheng.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A channel's quiet hours, e.g. 22:00–07:00 Asia/Shanghai (may wrap midnight). Non-red deliveries due inside them
 * wait until {@link #end}; red (I) alerts ignore them. {@code start == end} means never quiet.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));

  /** Parses {@code "22:00-07:00"} (empty = none). */
  public static QuietHours parse(String spec, ZoneId zone) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    String[] parts = spec.split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("quiet hours must look like 22:00-07:00, got '" + spec + "'");
    }
    return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), zone);
  }

  public boolean isQuiet(Instant at) {
    if (start.equals(end)) {
      return false;
    }
    LocalTime t = at.atZone(zone).toLocalTime();
    return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
  }

  /** The first instant at or after {@code at} that is not quiet. */
  public Instant end(Instant at) {
    if (!isQuiet(at)) {
      return at;
    }
    ZonedDateTime z = at.atZone(zone);
    ZonedDateTime candidate = z.toLocalDate().atTime(end).atZone(zone);
    if (!candidate.isAfter(z)) {
      candidate = candidate.plusDays(1);
    }
    return candidate.toInstant();
  }
}
