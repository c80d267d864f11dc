package org.minsheng.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@link Post} against the record's contract and names every problem found.
 *
 * <p>Rules: a supported schema version; an id of 1..256 printable characters; a lower-case platform name; non-blank
 * text of at most {@link #MAX_TEXT_CHARS} characters; a publication time no more than {@link #MAX_CLOCK_SKEW} in the
 * future (relative to the injected clock); an absolute http(s) URL when a URL is given; non-negative metrics and
 * follower counts.
 */
public final class PostValidator {
  public static final int MAX_ID_CHARS = 256;
  public static final int MAX_TEXT_CHARS = 1_000_000;
  public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
  private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private final java.time.Clock clock;

  public PostValidator() {
    this(java.time.Clock.systemUTC());
  }

  public PostValidator(java.time.Clock clock) {
    this.clock = clock;
  }

  /** All problems with the post; empty when it is valid. */
  public List<String> problems(Post post) {
    List<String> problems = new ArrayList<>();
    if (post.schemaVersion() < 1 || post.schemaVersion() > Post.CURRENT_VERSION) {
      problems.add("unsupported schema version v=" + post.schemaVersion() + " (supported: 1.." + Post.CURRENT_VERSION + ")");
    }
    if (post.id() == null || post.id().isBlank()) {
      problems.add("missing id");
    } else if (post.id().length() > MAX_ID_CHARS) {
      problems.add("id longer than " + MAX_ID_CHARS + " characters");
    } else if (post.id().chars().anyMatch(Character::isISOControl)) {
      problems.add("id contains control characters");
    }
    if (post.platform() == null || post.platform().isBlank()) {
      problems.add("missing platform");
    } else if (!PLATFORM.matcher(post.platform()).matches()) {
      problems.add("platform '" + post.platform() + "' is not a lower-case name like weibo, forum, news, feed");
    }
    if (post.text() == null || post.text().isBlank()) {
      problems.add("missing text");
    } else if (post.text().length() > MAX_TEXT_CHARS) {
      problems.add("text longer than " + MAX_TEXT_CHARS + " characters");
    }
    if (post.publishedAt() == null) {
      problems.add("missing publishedAt");
    } else if (post.publishedAt().isAfter(Instant.now(clock).plus(MAX_CLOCK_SKEW))) {
      problems.add("publishedAt " + post.publishedAt() + " is more than " + MAX_CLOCK_SKEW.toHours() + "h in the future");
    }
    if (post.url() != null) {
      checkUrl(post.url(), problems);
    }
    if (post.metrics() != null) {
      Post.Metrics m = post.metrics();
      checkCount("metrics.reposts", m.reposts(), problems);
      checkCount("metrics.comments", m.comments(), problems);
      checkCount("metrics.likes", m.likes(), problems);
      checkCount("metrics.views", m.views(), problems);
    }
    if (post.author() != null) {
      checkCount("author.followers", post.author().followers(), problems);
    }
    if (post.parentId() != null && post.parentId().equals(post.id())) {
      problems.add("parentId equals id");
    }
    return problems;
  }

  /** Throws with all problems joined when the post is invalid. */
  public Post validate(Post post) throws InvalidPostException {
    List<String> problems = problems(post);
    if (!problems.isEmpty()) {
      throw new InvalidPostException("invalid post" + (post.id() == null ? "" : " " + post.id()) + ": "
          + String.join("; ", problems));
    }
    return post;
  }

  private static void checkUrl(String url, List<String> problems) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
        problems.add("url '" + url + "' is not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      problems.add("url '" + url + "' is malformed: " + e.getReason());
    }
  }

  private static void checkCount(String name, Long value, List<String> problems) {
    if (value != null && value < 0) {
      problems.add(name + " is negative (" + value + ")");
    }
  }
}
