package org.minsheng.es;

import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts live in monthly indices named after the UTC month of {@code publishedAt}: {@code minsheng-posts-2026.11},
 * all under the alias {@code minsheng-posts} (added by the template). Monthly indices make retention a matter of
 * deleting whole old indices.
 */
public final class PostIndexNaming implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private static final Pattern MONTH_SUFFIX = Pattern.compile("([0-9]{4})\\.([0-9]{2})");

  private final String prefix;

  /** {@code prefix} e.g. {@code minsheng}. */
  public PostIndexNaming(String prefix) {
    this.prefix = IndexNames.checkPrefix(prefix);
  }

  /** The monthly index of a post published at {@code publishedAt}, e.g. {@code minsheng-posts-2026.11}. */
  public String indexFor(Instant publishedAt) {
    Objects.requireNonNull(publishedAt, "publishedAt is required to choose the monthly posts index");
    return alias() + "-" + MONTH.format(publishedAt);
  }

  /** The alias over all monthly indices, e.g. {@code minsheng-posts}. */
  public String alias() {
    return prefix + "-posts";
  }

  /**
   * The month of a monthly index named by {@link #indexFor}: {@code minsheng-posts-2025.01} → 2025-01. Empty for any
   * other name (another prefix, a suffix such as {@code -reindexed}, a month 13): such an index is not ours to judge.
   */
  public Optional<YearMonth> monthOf(String index) {
    String head = alias() + "-";
    if (index == null || !index.startsWith(head)) {
      return Optional.empty();
    }
    Matcher m = MONTH_SUFFIX.matcher(index.substring(head.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = Integer.parseInt(m.group(2));
    return month >= 1 && month <= 12 ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month)) : Optional.empty();
  }

  /** The pattern matching every monthly index, e.g. {@code minsheng-posts-*}. */
  public String pattern() {
    return alias() + "-*";
  }
}
