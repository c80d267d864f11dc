package org.minsheng.ingest.fetch;

import java.net.URI;
import java.util.Map;

/**
 * One GET to make.
 *
 * @param headers extra headers (Referer, Cookie, X-Requested-With…)
 * @param etag validator from the previous fetch, sent as If-None-Match (may be null)
 * @param lastModified validator from the previous fetch, sent as If-Modified-Since (may be null)
 */
public record FetchRequest(URI uri, Map<String, String> headers, String etag, String lastModified) {
  public FetchRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static FetchRequest get(String url) {
    return new FetchRequest(URI.create(url), Map.of(), null, null);
  }
}
