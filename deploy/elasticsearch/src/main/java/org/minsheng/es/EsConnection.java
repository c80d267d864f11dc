package org.minsheng.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ElasticsearchClient} over the low-level {@link RestClient} transport, built from {@link EsSettings}, and
 * the resources it holds. Always close it: an open RestClient has non-daemon I/O threads that keep the JVM alive.
 */
public final class EsConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EsConnection.class);

  private final RestClientTransport transport;
  private final ElasticsearchClient client;
  private final EsSettings settings;

  private EsConnection(EsSettings settings, RestClientTransport transport) {
    this.settings = settings;
    this.transport = transport;
    this.client = new ElasticsearchClient(transport);
  }

  /** Opens a connection (no request is sent yet). */
  public static EsConnection open(EsSettings settings) {
    RestClientBuilder builder = RestClient.builder(HttpHost.create(settings.url()))
        .setRequestConfigCallback(rc -> rc
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setSocketTimeout((int) settings.socketTimeout().toMillis()));
    if (settings.apiKey() != null) {
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey())});
    }
    SSLContext ssl = settings.caCertificate() == null ? null : sslContext(settings.caCertificate());
    BasicCredentialsProvider credentials = null;
    if (settings.apiKey() == null && settings.username() != null) {
      credentials = new BasicCredentialsProvider();
      credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(settings.username(), settings.password()));
    }
    BasicCredentialsProvider creds = credentials;
    builder.setHttpClientConfigCallback(hc -> {
      if (creds != null) {
        hc.setDefaultCredentialsProvider(creds);
      }
      if (ssl != null) {
        hc.setSSLContext(ssl);
      }
      return hc;
    });
    RestClientTransport transport = new RestClientTransport(builder.build(), new JacksonJsonpMapper(objectMapper()));
    LOG.debug("Opened Elasticsearch connection {}", settings);
    return new EsConnection(settings, transport);
  }

  /** The Jackson mapper used for documents: java.time as ISO-8601 strings. */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * Sends one request ({@code GET /_cluster/health}) and returns the cluster's name, or throws an
   * {@link IllegalStateException} whose message names the problem (wrong password, API key refused, untrusted
   * certificate, connection refused, …; see {@link EsErrors}) instead of a chain of client exceptions. Hosts call it
   * once at start, before applying the templates.
   */
  public String verify() {
    try {
      Response r = transport.restClient().performRequest(new Request("GET", "/_cluster/health"));
      String cluster = objectMapper().readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8))
          .path("cluster_name").asText();
      LOG.info("Connected to Elasticsearch cluster '{}' at {}", cluster, settings);
      return cluster;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(EsErrors.describe(e, settings), e);
    }
  }

  public ElasticsearchClient client() {
    return client;
  }

  /** The low-level client, for requests the typed client cannot express (raw JSON bodies). */
  public RestClient restClient() {
    return transport.restClient();
  }

  public EsSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Elasticsearch client for " + settings.url(), e);
    }
  }

  private static SSLContext sslContext(String caCertificate) {
    try {
      return TransportUtils.sslContextFromHttpCaCrt(new File(caCertificate));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CA certificate " + caCertificate, e);
    }
  }
}
