package org.minsheng.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per host, parsed by crawler-commons' {@link SimpleRobotRulesParser} and cached for a TTL. A missing
 * robots.txt (4xx) allows everything; an unreachable one (5xx, network) defers the host for a short while, as
 * RFC 9309 asks (reported as {@link Verdict#UNAVAILABLE}, so the page is retried later rather than skipped). Crawl-delay is handed to the {@link HostScheduler}.
 */
final class RobotsPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
  private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(1);

  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final String robotName;
  private final Duration ttl;
  private final Duration maxCrawlDelay;
  private final HostScheduler scheduler;
  private final Function<URI, FetchResult> rawFetch;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(BaseRobotRules rules, long expiresNanos, boolean unreachable) {}

  /** Verdict for one URL. */
  enum Verdict { ALLOWED, DISALLOWED, UNAVAILABLE }

  RobotsPolicy(String userAgent, Duration ttl, Duration maxCrawlDelay, HostScheduler scheduler,
      Function<URI, FetchResult> rawFetch) {
    String name = userAgent.split("[/ ]", 2)[0].toLowerCase(java.util.Locale.ROOT);
    this.robotName = name;
    this.ttl = ttl;
    this.maxCrawlDelay = maxCrawlDelay;
    this.scheduler = scheduler;
    this.rawFetch = rawFetch;
  }

  Verdict check(URI uri) {
    Cached c = rules(uri);
    if (c.unreachable) {
      return Verdict.UNAVAILABLE;
    }
    return c.rules.isAllowed(uri.toString()) ? Verdict.ALLOWED : Verdict.DISALLOWED;
  }

  private Cached rules(URI uri) {
    String host = UrlCanonicalizer.hostKey(uri);
    Cached c = cache.get(host);
    if (c != null && c.expiresNanos - System.nanoTime() > 0) {
      return c;
    }
    synchronized (this) {
      c = cache.get(host);
      if (c != null && c.expiresNanos - System.nanoTime() > 0) {
        return c;
      }
      URI robotsUri = URI.create(uri.getScheme() + "://" + host + "/robots.txt");
      FetchResult r = rawFetch.apply(robotsUri);
      BaseRobotRules rules;
      Duration keep = ttl;
      boolean unreachable = false;
      if (r.ok()) {
        rules = parser.parseContent(robotsUri.toString(), r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
            List.of(robotName));
        long delayMs = rules.getCrawlDelay();
        if (delayMs != BaseRobotRules.UNSET_CRAWL_DELAY && delayMs > 0) {
          Duration d = Duration.ofMillis(Math.min(delayMs, maxCrawlDelay.toMillis()));
          scheduler.setDelay(host, d);
          LOG.info("robots.txt of {} asks Crawl-delay {} ms; using {}", host, delayMs, d);
        }
      } else if (r.status() >= 400 && r.status() < 500) {
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      } else {
        LOG.warn("robots.txt of {} unreachable ({}): not crawling the host for {}", host, r.reason(), UNREACHABLE_TTL);
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        keep = UNREACHABLE_TTL;
        unreachable = true;
      }
      Cached fresh = new Cached(rules, System.nanoTime() + keep.toNanos(), unreachable);
      cache.put(host, fresh);
      return fresh;
    }
  }
}
