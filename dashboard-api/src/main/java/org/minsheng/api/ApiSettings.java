package org.minsheng.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.minsheng.config.Settings;

/** The settings of {@code minsheng-api.yaml}, bound to types. Every field is documented in that file. */
public record ApiSettings(Server server, Elasticsearch elasticsearch, Limits limits, Auth auth, Cors cors,
    Alerts alerts, Cache cache) {

  public static final String DEFAULTS = "minsheng-api.yaml";

  /** Defaults, then {@code userFile} (may be null), then {@code MINSHENG_*} environment variables. */
  public static ApiSettings load(Path userFile, Map<String, String> env) {
    return Settings.load(DEFAULTS, userFile, env).bind("", ApiSettings.class);
  }

  public record Server(String host, int port, String timezone, String publicUrl) {
    public ZoneId zone() {
      return ZoneId.of(timezone);
    }
  }

  public record Elasticsearch(String url, String username, String password, String apiKey, String caCertificate,
      Duration requestTimeout, int maxConnections, String postsIndex, String topicsIndex, String alertsIndex,
      String sourcesIndex) {
  }

  public record Limits(int maxBuckets, int maxCompare, int maxKeywordLength, int maxPageSize, int maxResultWindow,
      int maxExportRows, Duration maxWindow) {
  }

  public record Auth(String tokensFile, int rateLimitPerMinute, String auditLog) {
  }

  public record Cors(String allowedOrigins) {
    public List<String> origins() {
      return Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  public record Alerts(Duration streamPollInterval) {
  }

  /** The API-side answer cache of trends, hot topics and regions ({@code ttl} zero = off). */
  public record Cache(Duration ttl, int maxEntries) {
  }

  /** A copy listening on {@code host:port}. */
  public ApiSettings withServer(String host, int port) {
    return new ApiSettings(new Server(host, port, server.timezone, server.publicUrl), elasticsearch, limits, auth, cors,
        alerts, cache);
  }

  /** A copy talking to the cluster at {@code url}. */
  public ApiSettings withElasticsearchUrl(String url) {
    Elasticsearch e = elasticsearch;
    return new ApiSettings(server, new Elasticsearch(url, e.username, e.password, e.apiKey, e.caCertificate,
        e.requestTimeout, e.maxConnections, e.postsIndex, e.topicsIndex, e.alertsIndex, e.sourcesIndex), limits, auth,
        cors, alerts, cache);
  }

  /** A copy with these auth settings. */
  public ApiSettings withAuth(Auth auth) {
    return new ApiSettings(server, elasticsearch, limits, auth, cors, alerts, cache);
  }

  /** A copy with these CORS origins. */
  public ApiSettings withCors(String origins) {
    return new ApiSettings(server, elasticsearch, limits, auth, new Cors(origins), alerts, cache);
  }

  /** A copy with this answer cache. */
  public ApiSettings withCache(Cache cache) {
    return new ApiSettings(server, elasticsearch, limits, auth, cors, alerts, cache);
  }
}
