package org.minsheng.ingest.fetch;

import java.time.Duration;
import java.util.List;

/**
 * Politeness and robustness settings of {@link PoliteFetcher}; every field is documented with its default in
 * {@code minsheng-crawl-defaults.yaml} ({@code fetch:} section).
 *
 * @param userAgent User-Agent header, also the robot name matched in robots.txt
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed for the response headers and for each read of the body
 * @param maxBodyBytes a body longer than this is aborted early (outcome {@link FetchOutcome#TOO_LARGE})
 * @param maxRedirects redirects followed per request before giving up
 * @param maxRetries retries on 429 / 5xx / network errors before giving up
 * @param backoffBase first retry delay; doubled per attempt, with full jitter
 * @param backoffMax upper bound of one backoff delay
 * @param maxRetryAfter a Retry-After longer than this is treated as a block of the host, not waited for inline
 * @param hostDelay minimum gap between two requests to one host (robots.txt Crawl-delay may raise it)
 * @param hostConcurrency requests in flight per host at once
 * @param maxCrawlDelay cap on robots.txt Crawl-delay
 * @param respectRobots whether robots.txt is fetched and obeyed
 * @param robotsCacheTtl how long a robots.txt is cached per host
 * @param blockRedirectPatterns substrings of a redirect target that mean "login wall / visitor check" (a block)
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    int maxRedirects,
    int maxRetries,
    Duration backoffBase,
    Duration backoffMax,
    Duration maxRetryAfter,
    Duration hostDelay,
    int hostConcurrency,
    Duration maxCrawlDelay,
    boolean respectRobots,
    Duration robotsCacheTtl,
    List<String> blockRedirectPatterns) {

  public FetchSettings {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("fetch.maxBodyBytes must be >= 1024, was " + maxBodyBytes);
    }
    if (maxRedirects < 0 || maxRetries < 0) {
      throw new IllegalArgumentException("fetch.maxRedirects and fetch.maxRetries must be >= 0");
    }
    if (hostConcurrency < 1) {
      throw new IllegalArgumentException("fetch.hostConcurrency must be >= 1, was " + hostConcurrency);
    }
    blockRedirectPatterns = blockRedirectPatterns == null ? List.of() : List.copyOf(blockRedirectPatterns);
  }

  /** The documented defaults (same values as the defaults YAML). */
  public static FetchSettings defaults() {
    return new FetchSettings("MinshengBot/0.1 (+https://github.com/minsheng)", Duration.ofSeconds(10),
        Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 3, Duration.ofSeconds(1), Duration.ofMinutes(2),
        Duration.ofMinutes(5), Duration.ofSeconds(2), 1, Duration.ofSeconds(30), true, Duration.ofHours(6),
        List.of("passport.weibo.com", "passport.weibo.cn/visitor", "/visitor/visitor", "wappass.baidu.com",
            "member.php?mod=logging", "/login"));
  }

  public FetchSettings withHostDelay(Duration delay) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, maxRetries,
        backoffBase, backoffMax, maxRetryAfter, delay, hostConcurrency, maxCrawlDelay, respectRobots, robotsCacheTtl,
        blockRedirectPatterns);
  }
}
