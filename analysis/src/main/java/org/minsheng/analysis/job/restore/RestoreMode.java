package org.minsheng.analysis.job.restore;

import java.util.Locale;

/**
 * {@code analysis.checkpoint.restore}: where a locally started job begins.
 *
 * <ul>
 *   <li>{@link #LATEST}: from the newest complete checkpoint retained in {@code analysis.checkpoint.directory}, or from
 *       nothing when there is none;</li>
 *   <li>{@link #NONE}: always from nothing (files already in the spool are read again; Elasticsearch writes are
 *       idempotent, but topic and trend state start empty).</li>
 * </ul>
 */
public enum RestoreMode {
  LATEST,
  NONE;

  /** Parses {@code latest} / {@code none} (any case); anything else is an error that names the setting. */
  public static RestoreMode parse(String value) {
    if (value != null) {
      for (RestoreMode m : values()) {
        if (m.name().equalsIgnoreCase(value.trim())) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("analysis.checkpoint.restore must be latest or none, was '" + value + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
