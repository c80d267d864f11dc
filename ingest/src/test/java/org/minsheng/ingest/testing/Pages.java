package org.minsheng.ingest.testing;

import java.net.URI;
import org.minsheng.ingest.fetch.FetchOutcome;
import org.minsheng.ingest.fetch.FetchResult;

/** Builds fetched pages from saved test resources (parser tests never touch the network). */
public final class Pages {
  private Pages() {}

  public static FetchResult saved(String url, String contentType, String resource) {
    return page(url, contentType, Fixtures.resource(resource));
  }

  public static FetchResult page(String url, String contentType, byte[] body) {
    URI uri = URI.create(url);
    return new FetchResult(FetchOutcome.OK, uri, uri, 200, contentType, body, null, null, 1, null);
  }
}
