package org.minsheng.api.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time window {@code [from, to)} over {@code publishedAt} (or another date field). */
public record TimeWindow(Instant from, Instant to) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
