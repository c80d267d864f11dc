package org.minsheng.api.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Lenient reading of dates stored in documents: ISO instant, offset date-time or epoch milliseconds. */
public final class Dates {
  private Dates() {
  }

  /** @return the instant, or null when {@code text} is null, blank or unreadable */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e2) {
        return text.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(text)) : null;
      }
    }
  }
}
