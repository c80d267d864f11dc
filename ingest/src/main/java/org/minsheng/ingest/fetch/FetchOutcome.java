package org.minsheng.ingest.fetch;

/** What became of one fetch. Only {@link #OK} carries a usable body. */
public enum FetchOutcome {
  /** 2xx with a body of an accepted content type. */
  OK,
  /** 304 on a conditional GET: nothing changed since the last fetch. */
  NOT_MODIFIED,
  /** robots.txt forbids the URL for our user agent. */
  DISALLOWED,
  /** The body exceeded the configured maximum and was aborted. */
  TOO_LARGE,
  /** A redirect pointed back at a URL already visited in this chain. */
  REDIRECT_LOOP,
  /** More redirects than allowed. */
  TOO_MANY_REDIRECTS,
  /** Binary content (image, archive, …) where text was expected, whatever the Content-Type said. */
  NOT_TEXT,
  /** The site refuses us: 418, 432, a redirect to a login or visitor wall, or a Retry-After too long to wait. */
  BLOCKED,
  /** A 4xx/5xx status that retries did not cure. */
  HTTP_ERROR,
  /** Connection refused, timeout, reset, … after retries. */
  NETWORK_ERROR
}
