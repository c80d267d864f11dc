package org.minsheng.es;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Posts live in monthly indices named after the UTC month of {@code publishedAt}: {@code minsheng-posts-2026.11},
 * all under the alias {@code minsheng-posts} (added by the template). Monthly indices make retention a matter of
 * deleting whole old indices.
 */
public final class PostIndexNaming implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

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

  /** The pattern matching every monthly index, e.g. {@code minsheng-posts-*}. */
  public String pattern() {
    return alias() + "-*";
  }
}
