package org.minsheng.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the crawler talks HTTP, and so the one place that enforces politeness and robustness:
 * robots.txt, per-host delay and concurrency ({@link HostScheduler}), Retry-After, exponential backoff with jitter on
 * 429 / 5xx / network errors, conditional GET, timeouts, a maximum body size (aborted early, not buffered), manual
 * redirects with a limit and loop detection, block detection (418, 432, redirects to login or visitor walls) and
 * content-type checks including sniffing binary bodies served as text/html.
 *
 * <p>Built on {@link java.net.http.HttpClient}: it is in the JDK (no dependency to keep current), does HTTP/2 and
 * connection pooling, and its streaming body handler lets us stop reading at the size cap. Redirects are followed by
 * hand ({@code Redirect.NEVER}) so that every hop goes through robots.txt, the host scheduler and loop detection.
 * Thread-safe; share one instance per crawler.
 */
public final class PoliteFetcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

  private final FetchSettings settings;
  private final HttpClient client;
  private final HostScheduler scheduler;
  private final Backoff backoff;
  private final RobotsPolicy robots;
  private final ScheduledExecutorService watchdog;

  public PoliteFetcher(FetchSettings settings) {
    this(settings, new HostScheduler(settings.hostDelay(), settings.hostConcurrency()), RandomGenerator.getDefault());
  }

  public PoliteFetcher(FetchSettings settings, HostScheduler scheduler, RandomGenerator random) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), random);
    this.robots = new RobotsPolicy(settings.userAgent(), settings.robotsCacheTtl(), settings.maxCrawlDelay(), scheduler,
        uri -> execute(new FetchRequest(uri, Map.of(), null, null), false));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fetch-read-timeout");
      t.setDaemon(true);
      return t;
    });
  }

  public HostScheduler scheduler() {
    return scheduler;
  }

  public FetchSettings settings() {
    return settings;
  }

  /** Fetches one URL politely; never throws for HTTP or network trouble (see the result's outcome). */
  public FetchResult fetch(FetchRequest request) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("fetch interrupted");
    }
    FetchResult r = execute(request, settings.respectRobots());
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("fetch interrupted");
    }
    return r;
  }

  private FetchResult execute(FetchRequest request, boolean checkRobots) {
    URI requested = UrlCanonicalizer.canonical(request.uri());
    URI current = requested;
    Set<URI> chain = new HashSet<>();
    chain.add(current);
    int redirects = 0;
    int attempts = 0;
    int failures = 0;
    while (true) {
      if (checkRobots) {
        RobotsPolicy.Verdict verdict = robots.check(current);
        if (verdict == RobotsPolicy.Verdict.DISALLOWED) {
          return FetchResult.failure(FetchOutcome.DISALLOWED, requested, current, 0, attempts, "robots.txt disallows " + current);
        }
        if (verdict == RobotsPolicy.Verdict.UNAVAILABLE) {
          return FetchResult.failure(FetchOutcome.NETWORK_ERROR, requested, current, 0, attempts,
              "robots.txt of " + current.getHost() + " unreachable; not crawling the host for now");
        }
      }
      String host = UrlCanonicalizer.hostKey(current);
      HttpResponse<InputStream> response;
      try {
        scheduler.acquire(host);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FetchResult.failure(FetchOutcome.NETWORK_ERROR, requested, current, 0, attempts, "interrupted");
      }
      try {
        attempts++;
        try {
          response = client.send(build(request, current), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
          failures++;
          String why = (e instanceof HttpTimeoutException ? "timeout: " : "network error: ") + e;
          if (failures > settings.maxRetries()) {
            return FetchResult.failure(FetchOutcome.NETWORK_ERROR, requested, current, 0, attempts, why);
          }
          Duration d = backoff.delay(failures);
          LOG.info("fetch {}: {}; retry {} of {} in {} ms", current, why, failures, settings.maxRetries(), d.toMillis());
          scheduler.deferUntil(host, d);
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return FetchResult.failure(FetchOutcome.NETWORK_ERROR, requested, current, 0, attempts, "interrupted");
        }
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status >= 300 && status < 400 && status != 304) {
          close(response);
          Optional<String> location = headers.firstValue("Location");
          if (location.isEmpty()) {
            return FetchResult.failure(FetchOutcome.HTTP_ERROR, requested, current, status, attempts, "redirect " + status + " without Location");
          }
          URI next;
          try {
            next = UrlCanonicalizer.canonical(current, location.get());
          } catch (IllegalArgumentException e) {
            return FetchResult.failure(FetchOutcome.HTTP_ERROR, requested, current, status, attempts, "bad redirect target: " + e.getMessage());
          }
          for (String pattern : settings.blockRedirectPatterns()) {
            if (next.toString().contains(pattern)) {
              return FetchResult.failure(FetchOutcome.BLOCKED, requested, current, status, attempts,
                  "redirected to a login/visitor wall: " + next);
            }
          }
          if (!chain.add(next)) {
            return FetchResult.failure(FetchOutcome.REDIRECT_LOOP, requested, current, status, attempts, "redirect loop back to " + next);
          }
          if (++redirects > settings.maxRedirects()) {
            return FetchResult.failure(FetchOutcome.TOO_MANY_REDIRECTS, requested, current, status, attempts,
                "more than " + settings.maxRedirects() + " redirects");
          }
          current = next;
          continue;
        }
        if (status == 418 || status == 432) {
          close(response);
          scheduler.deferUntil(host, settings.backoffMax());
          return FetchResult.failure(FetchOutcome.BLOCKED, requested, current, status, attempts,
              "HTTP " + status + (status == 418 ? " (rate limit ban)" : " (no valid cookie / risk control)"));
        }
        if (status == 429 || status >= 500) {
          close(response);
          failures++;
          Optional<Duration> retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Instant.now());
          if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
            scheduler.deferUntil(host, settings.maxRetryAfter());
            return FetchResult.failure(FetchOutcome.BLOCKED, requested, current, status, attempts,
                "HTTP " + status + " with Retry-After " + retryAfter.get().toSeconds() + " s, longer than allowed");
          }
          if (failures > settings.maxRetries()) {
            retryAfter.ifPresent(d -> scheduler.deferUntil(host, d));
            return FetchResult.failure(FetchOutcome.HTTP_ERROR, requested, current, status, attempts,
                "HTTP " + status + " after " + settings.maxRetries() + " retries");
          }
          Duration d = retryAfter.isPresent() ? retryAfter.get() : backoff.delay(failures);
          LOG.info("fetch {}: HTTP {}; retry {} of {} in {} ms{}", current, status, failures, settings.maxRetries(),
              d.toMillis(), retryAfter.isPresent() ? " (Retry-After)" : "");
          scheduler.deferUntil(host, d);
          continue;
        }
        if (status == 304) {
          close(response);
          return new FetchResult(FetchOutcome.NOT_MODIFIED, requested, current, status, null, null,
              headers.firstValue("ETag").orElse(request.etag()), headers.firstValue("Last-Modified").orElse(request.lastModified()),
              attempts, "not modified");
        }
        if (status >= 400) {
          close(response);
          return FetchResult.failure(FetchOutcome.HTTP_ERROR, requested, current, status, attempts, "HTTP " + status);
        }
        return readBody(request, requested, current, response, attempts);
      } finally {
        scheduler.release(host);
      }
    }
  }

  private HttpRequest build(FetchRequest request, URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept-Language", "zh-CN,zh;q=0.9");
    request.headers().forEach(b::header);
    if (request.etag() != null) {
      b.header("If-None-Match", request.etag());
    }
    if (request.lastModified() != null) {
      b.header("If-Modified-Since", request.lastModified());
    }
    return b.GET().build();
  }

  private FetchResult readBody(FetchRequest request, URI requested, URI current, HttpResponse<InputStream> response,
      int attempts) {
    HttpHeaders headers = response.headers();
    int status = response.statusCode();
    String contentType = headers.firstValue("Content-Type").orElse(null);
    String typeProblem = ContentSniffer.rejectDeclaredType(contentType);
    if (typeProblem != null) {
      close(response);
      return FetchResult.failure(FetchOutcome.NOT_TEXT, requested, current, status, attempts, typeProblem);
    }
    long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
    if (declared > settings.maxBodyBytes()) {
      close(response);
      return FetchResult.failure(FetchOutcome.TOO_LARGE, requested, current, status, attempts,
          "Content-Length " + declared + " exceeds " + settings.maxBodyBytes() + " bytes");
    }
    InputStream in = response.body();
    ScheduledFuture<?> timeout = watchdog.schedule(() -> quietClose(in), settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 16 * 1024);
    byte[] buf = new byte[16 * 1024];
    try (in) {
      int n;
      while ((n = in.read(buf)) != -1) {
        if (out.size() + n > settings.maxBodyBytes()) {
          return FetchResult.failure(FetchOutcome.TOO_LARGE, requested, current, status, attempts,
              "body exceeds " + settings.maxBodyBytes() + " bytes; aborted after " + out.size());
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      String why = timeout.isDone() ? "body not read within " + settings.readTimeout() : "body read failed: " + e;
      return FetchResult.failure(FetchOutcome.NETWORK_ERROR, requested, current, status, attempts, why);
    } finally {
      timeout.cancel(false);
    }
    byte[] body = out.toByteArray();
    String bodyProblem = ContentSniffer.rejectBody(body, body.length);
    if (bodyProblem != null) {
      return FetchResult.failure(FetchOutcome.NOT_TEXT, requested, current, status, attempts,
          bodyProblem + " although served as " + (contentType == null ? "(no type)" : contentType));
    }
    return new FetchResult(FetchOutcome.OK, requested, current, status, contentType, body,
        headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), attempts, null);
  }

  private static void close(HttpResponse<InputStream> response) {
    quietClose(response.body());
  }

  private static void quietClose(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      LOG.debug("closing a response body failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
