package org.minsheng.es;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.minsheng.config.Settings;

/**
 * How to reach a cluster: serialisable, so a Flink sink can carry it to its writers, which build their own client.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param username basic-auth user or null
 * @param password basic-auth password or null
 * @param apiKey base64 API key or null (preferred over basic auth)
 * @param caCertificate path of a PEM CA certificate for TLS, or null (JVM trust store)
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout read timeout of each request
 */
public record EsSettings(String url, String username, String password, String apiKey, String caCertificate,
    Duration connectTimeout, Duration socketTimeout) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

  public EsSettings {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("Elasticsearch url must start with http:// or https://: " + url);
    }
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    username = blankToNull(username);
    password = blankToNull(password);
    apiKey = blankToNull(apiKey);
    caCertificate = blankToNull(caCertificate);
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("Elasticsearch username and password must be set together");
    }
    connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    socketTimeout = Objects.requireNonNullElse(socketTimeout, DEFAULT_SOCKET_TIMEOUT);
  }

  /** An unsecured cluster at {@code url} (the local node) with default timeouts. */
  public static EsSettings of(String url) {
    return new EsSettings(url, null, null, null, null, null, null);
  }

  /** The {@code elasticsearch.*} connection settings of {@code minsheng-elasticsearch.yaml} (layered). */
  public static EsSettings from(Settings settings) {
    return new EsSettings(settings.string("elasticsearch.url"), settings.string("elasticsearch.username"),
        settings.string("elasticsearch.password"), settings.string("elasticsearch.apiKey"),
        settings.string("elasticsearch.caCertificate"), settings.bind("elasticsearch.connectTimeout", Duration.class),
        settings.bind("elasticsearch.socketTimeout", Duration.class));
  }

  /** Loads {@code minsheng-elasticsearch.yaml} with environment overrides. */
  public static Settings loadDefaults() {
    return Settings.load("minsheng-elasticsearch.yaml");
  }

  public EsSettings withUrl(String newUrl) {
    return new EsSettings(newUrl, username, password, apiKey, caCertificate, connectTimeout, socketTimeout);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Never prints secrets. */
  @Override
  public String toString() {
    return "EsSettings[url=" + url + ", auth=" + (apiKey != null ? "apiKey" : username != null ? "basic(" + username + ")" : "none")
        + ", ca=" + caCertificate + "]";
  }
}
