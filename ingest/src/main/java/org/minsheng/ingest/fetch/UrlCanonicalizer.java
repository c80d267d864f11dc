package org.minsheng.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts URLs in one canonical form so the seen-set and post ids do not fork on cosmetic differences: lower-case scheme
 * and host, default port removed, dot segments resolved, empty path → {@code /}, fragment dropped, tracking
 * parameters ({@code utm_*}, {@code spm}, {@code from}…) removed. Query parameter order is kept because some CMSs
 * (Discuz!) route on it and sorting would not change identity for them.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING = Set.of("spm", "from", "fr", "wfr", "share_token", "share_from",
      "isappinstalled", "scene", "extra", "clicktime", "enterid", "_t", "timestamp");

  private UrlCanonicalizer() {}

  /** Canonical form of an absolute http(s) URL, resolving {@code url} against {@code base} when relative. */
  public static URI canonical(URI base, String url) {
    URI resolved = base == null ? URI.create(url.trim()) : base.resolve(url.trim().replace(" ", "%20"));
    return canonical(resolved);
  }

  public static URI canonical(String url) {
    try {
      return canonical(new URI(url.trim().replace(" ", "%20")));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed URL '" + url + "': " + e.getReason(), e);
    }
  }

  public static URI canonical(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    URI normalisedPath = uri.normalize();
    String path = normalisedPath.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    String query = filterQuery(uri.getRawQuery());
    StringBuilder sb = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      sb.append(uri.getRawUserInfo()).append('@');
    }
    sb.append(host);
    if (port != -1) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (query != null && !query.isEmpty()) {
      sb.append('?').append(query);
    }
    return URI.create(sb.toString());
  }

  private static String filterQuery(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("utm_") || TRACKING.contains(lower)) {
        continue;
      }
      kept.add(pair);
    }
    return String.join("&", kept);
  }

  /** host[:port] key used for per-host politeness. */
  public static String hostKey(URI uri) {
    return uri.getPort() == -1 ? uri.getHost().toLowerCase(Locale.ROOT) : uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
  }
}
