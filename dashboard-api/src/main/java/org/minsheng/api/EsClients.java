package org.minsheng.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the Elasticsearch client from {@link ApiSettings.Elasticsearch}: plain HTTP for the local node, or TLS with
 * an optional private CA plus basic auth or an API key for a secured cluster.
 */
public final class EsClients {
  private EsClients() {
  }

  /** A client; closing its transport ({@code client._transport().close()}) releases the connection pool. */
  public static ElasticsearchClient create(ApiSettings.Elasticsearch es, ObjectMapper json) {
    RestClientBuilder builder = RestClient.builder(HttpHost.create(es.url()));
    int timeoutMs = (int) es.requestTimeout().toMillis();
    builder.setRequestConfigCallback(c -> c.setConnectTimeout(Math.min(timeoutMs, 5000)).setSocketTimeout(timeoutMs));
    if (!es.apiKey().isBlank()) {
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + es.apiKey())});
    }
    SSLContext ssl = es.caCertificate().isBlank() ? null : sslContext(Path.of(es.caCertificate()));
    int connections = Math.max(1, es.maxConnections());
    builder.setHttpClientConfigCallback(http -> {
      // one node: the per-route bound is the real one (the client's default of 10 queues concurrent dashboards)
      http.setMaxConnTotal(connections).setMaxConnPerRoute(connections);
      if (!es.username().isBlank()) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(es.username(), es.password()));
        http.setDefaultCredentialsProvider(credentials);
      }
      if (ssl != null) {
        http.setSSLContext(ssl);
      }
      return http;
    });
    return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(json)));
  }

  private static SSLContext sslContext(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("minsheng-es-ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Elasticsearch CA certificate " + caPem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Elasticsearch CA certificate " + caPem + " is not usable: " + e.getMessage(), e);
    }
  }
}
