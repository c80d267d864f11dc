package org.minsheng.es.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.minsheng.es.EsConnection;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;
import org.minsheng.es.IndexTemplates;
import org.minsheng.es.LocalElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension giving integration tests a real Elasticsearch node: one per test JVM, started on first use (512m
 * heap, any free port, templates applied) and stopped when the JVM's tests have finished. When the environment variable
 * {@value #URL_ENV} is set, that node is used instead and nothing is started.
 *
 * <pre>{@code
 * class MyITCase {
 *   @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();
 *
 *   @Test void writes() {
 *     EsSettings settings = ES.settings();          // for a sink / the API under test
 *     ...
 *     assertThat(ES.count("minsheng-posts")).isEqualTo(3);   // refreshes first
 *   }
 * }
 * }</pre>
 *
 * Or {@code @ExtendWith(SharedElasticsearch.class)} with a {@code SharedElasticsearch} test/constructor parameter.
 * Test classes share the node: use {@link #reset()} (deletes every index with the prefix and re-applies the
 * templates) in {@code @BeforeEach}/{@code @BeforeAll} when a test needs empty indices.
 */
public final class SharedElasticsearch implements BeforeAllCallback, ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SharedElasticsearch.class);
  /** Use an existing node at this URL instead of starting one. */
  public static final String URL_ENV = "MINSHENG_ES_URL";
  /** Heap of the shared node. */
  public static final String TEST_HEAP = "512m";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedElasticsearch.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private volatile Node node;

  @Override
  public void beforeAll(ExtensionContext context) {
    node = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Node.class, k -> Node.start(), Node.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == SharedElasticsearch.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    if (node == null) {
      beforeAll(extension);
    }
    return this;
  }

  private Node started() {
    Node n = node;
    if (n == null) {
      throw new IllegalStateException("SharedElasticsearch is not started: register it with @RegisterExtension on a"
          + " static field or @ExtendWith, and use it from test methods or @BeforeAll/@BeforeEach");
    }
    return n;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return started().settings.url();
  }

  /** Connection settings of the node, e.g. for a sink or the API under test. */
  public EsSettings settings() {
    return started().settings;
  }

  /** A client shared by all tests of this JVM (closed at the end; do not close it). */
  public ElasticsearchClient client() {
    return started().connection.client();
  }

  /** The low-level client, for raw JSON requests. */
  public RestClient restClient() {
    return started().connection.restClient();
  }

  /** Index names (default prefix {@code minsheng}). */
  public IndexNames names() {
    return IndexNames.DEFAULT;
  }

  /** Makes everything written to {@code index} (an index, alias or pattern) searchable. Missing indices are fine. */
  public void refresh(String index) {
    perform("POST", "/" + index + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
  }

  /** Refreshes, then counts the documents of {@code index} (0 when it does not exist). */
  public long count(String index) {
    return count(index, "{\"match_all\":{}}");
  }

  /** Refreshes, then counts the documents of {@code index} matching {@code queryJson} (a query clause). */
  public long count(String index, String queryJson) {
    refresh(index);
    JsonNode r = perform("POST", "/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true",
        "{\"query\":" + queryJson + "}");
    return r.path("count").asLong();
  }

  /** Refreshes, then returns the {@code _source} of up to 1000 documents matching {@code queryJson}. */
  public List<JsonNode> search(String index, String queryJson) {
    JsonNode r = searchResponse(index, "{\"size\":1000,\"query\":" + queryJson + "}");
    List<JsonNode> sources = new ArrayList<>();
    r.path("hits").path("hits").forEach(h -> sources.add(h.path("_source")));
    return sources;
  }

  /** Refreshes, then returns every document's {@code _source} (up to 1000). */
  public List<JsonNode> documents(String index) {
    return search(index, "{\"match_all\":{}}");
  }

  /** Refreshes, then runs a whole search body (query, aggregations, …) and returns the raw response. */
  public JsonNode searchResponse(String index, String bodyJson) {
    refresh(index);
    return perform("POST", "/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", bodyJson);
  }

  /** The {@code _source} of a document, if it exists. */
  public Optional<JsonNode> get(String index, String id) {
    try {
      Response r = restClient().performRequest(new Request("GET", "/" + index + "/_doc/" + id));
      return Optional.of(JSON.readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)).path("_source"));
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return Optional.empty();
      }
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final long UNAVAILABLE_PATIENCE_NANOS = 30_000_000_000L;

  /** The mapping of {@code index} as returned by {@code GET <index>/_mapping}. */
  public JsonNode mapping(String index) {
    return perform("GET", "/" + index + "/_mapping", null);
  }

  /** Deletes every index of the prefix and re-applies the templates (fixed indices recreated empty). */
  public void reset() {
    perform("DELETE", "/" + names().prefix() + "-*?expand_wildcards=all&ignore_unavailable=true&allow_no_indices=true", null);
    IndexTemplates.defaults().apply(restClient());
  }

  private JsonNode perform(String method, String path, String body) {
    Request request = new Request(method, path);
    if (body != null) {
      request.setJsonEntity(body);
    }
    long deadline = System.nanoTime() + UNAVAILABLE_PATIENCE_NANOS;
    while (true) {
      try {
        Response r = restClient().performRequest(request);
        return r.getEntity() == null ? JSON.createObjectNode()
            : JSON.readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
      } catch (ResponseException e) {
        // 503: a shard of an index the job just created is still initialising (slow on a loaded machine)
        if (e.getResponse().getStatusLine().getStatusCode() != 503 || System.nanoTime() > deadline) {
          throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        }
        pause();
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a shard to become available", e);
    }
  }

  /** The node and client of this JVM, closed by JUnit when the root context closes (after all tests). */
  @SuppressWarnings("deprecation") // CloseableResource: works on every JUnit 5.x the modules may use
  static final class Node implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final LocalElasticsearch local; // null when MINSHENG_ES_URL is used
    final EsSettings settings;
    final EsConnection connection;

    private Node(LocalElasticsearch local, EsSettings settings, EsConnection connection) {
      this.local = local;
      this.settings = settings;
      this.connection = connection;
    }

    static Node start() {
      String external = System.getenv(URL_ENV);
      LocalElasticsearch local = null;
      EsSettings settings;
      if (external != null && !external.isBlank()) {
        settings = EsSettings.of(external);
        LOG.info("Tests use the Elasticsearch node at {} ({} is set)", settings.url(), URL_ENV);
      } else {
        local = LocalElasticsearch.builder().heap(TEST_HEAP).clusterName("minsheng-test").build().start();
        settings = EsSettings.of(local.url());
      }
      EsConnection connection = EsConnection.open(settings);
      try {
        IndexTemplates.defaults().apply(connection.client());
      } catch (RuntimeException e) {
        connection.close();
        if (local != null) {
          local.close();
        }
        throw e;
      }
      return new Node(local, settings, connection);
    }

    private boolean closed;

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        connection.close();
      } finally {
        if (local != null) {
          local.close();
        }
      }
    }
  }
}
