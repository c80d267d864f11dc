package org.minsheng.ingest.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One configured source (an entry of {@code sources:} in the crawl config). Which fields matter depends on
 * {@code type}; every field is described in {@code minsheng-crawl-defaults.yaml}. Unknown fields are an error.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SourceConfig(
    String name,
    String type,
    String site,
    String region,
    Boolean enabled,
    List<String> urls,
    Duration refresh,
    Integer maxPages,
    String articlePattern,
    String linkSelector,
    String nextPageSelector,
    Map<String, String> selectors,
    Map<String, String> headers,
    List<String> keywords,
    List<String> users,
    String cookie,
    String cookieEnv,
    Boolean reposts,
    Duration blockBackoff) {

  public static final List<String> TYPES = List.of("rss", "sitemap", "list", "discuz", "tieba", "weibo");

  public SourceConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    if (type == null || !TYPES.contains(type)) {
      throw new IllegalArgumentException("source '" + name + "': type must be one of " + TYPES + ", was " + type);
    }
    enabled = enabled == null || enabled;
    urls = urls == null ? List.of() : List.copyOf(urls);
    refresh = refresh == null ? Duration.ofMinutes(10) : refresh;
    maxPages = maxPages == null ? 5 : maxPages;
    selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    users = users == null ? List.of() : List.copyOf(users);
    reposts = reposts == null || reposts;
    blockBackoff = blockBackoff == null ? Duration.ofMinutes(15) : blockBackoff;
    if (!type.equals("weibo") && urls.isEmpty()) {
      throw new IllegalArgumentException("source '" + name + "' (" + type + ") needs at least one url");
    }
    if (type.equals("weibo") && keywords.isEmpty() && users.isEmpty()) {
      throw new IllegalArgumentException("weibo source '" + name + "' needs keywords or users");
    }
  }

  /** Cookie from the config, else from the environment variable named by cookieEnv (may be null). */
  public String resolveCookie(Map<String, String> env) {
    if (cookie != null && !cookie.isBlank()) {
      return cookie;
    }
    return cookieEnv == null ? null : env.get(cookieEnv);
  }
}
