package org.minsheng.es;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names of every index and alias, from one prefix ({@code elasticsearch.index.prefix}, default {@code minsheng}).
 * See docs/ARCHITECTURE.md for what each holds.
 */
public record IndexNames(String prefix) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_PREFIX = "minsheng";
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  public static final IndexNames DEFAULT = new IndexNames(DEFAULT_PREFIX);

  public IndexNames {
    checkPrefix(prefix);
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-' or '_': " + prefix);
    }
    return prefix;
  }

  public PostIndexNaming posts() {
    return new PostIndexNaming(prefix);
  }

  /** Alias over the monthly posts indices. */
  public String postsAlias() {
    return prefix + "-posts";
  }

  public String deadLetters() {
    return prefix + "-deadletters";
  }

  public String topics() {
    return prefix + "-topics";
  }

  public String trends() {
    return prefix + "-trends";
  }

  public String alerts() {
    return prefix + "-alerts";
  }

  public String sources() {
    return prefix + "-sources";
  }

  /** The indices that are not time-based: created at start when absent. */
  public List<String> fixedIndices() {
    return List.of(deadLetters(), topics(), trends(), alerts(), sources());
  }
}
