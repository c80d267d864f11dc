package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Minsheng's client against a node with security on, as a real cluster has it: a second, dedicated local node (512m
 * heap, its own port and temporary directory) with TLS on HTTP (certificate signed by a CA generated for it), a
 * superuser with a password in the file realm. {@link EsConnection} is the client of the Flink sink, the job's start,
 * {@code notify} and the {@code es} commands (the dashboard API still builds its own, see docs/ELASTICSEARCH.md).
 *
 * <p>API keys: this integ-test distribution cannot issue them (they live in the {@code .security} system index, whose
 * mapping needs the {@code pattern_capture} filter of the {@code analysis-common} module it lacks), so the test checks
 * that our {@code ApiKey} header reaches the node's API-key authenticator and that a refused key is named clearly; on a
 * distribution that can issue keys, the same test creates one and uses it for real.
 */
class SecuredElasticsearchITCase {
  private static final String USER = "minsheng";
  private static final String PASSWORD = "minsheng-secret-1";
  private static LocalElasticsearch node;

  @BeforeAll
  static void startSecuredNode() throws IOException {
    // the start timeout covers the three security tool runs too (~12 s quiet, ~30 s on a loaded 2-core machine)
    node = LocalElasticsearch.builder().heap("512m").clusterName("minsheng-secured").security(USER, PASSWORD)
        .startTimeout(java.time.Duration.ofMinutes(5)).build().start();
  }

  /** A new API key (base64 id:key), or empty when the node cannot store API keys (see the class comment). */
  private static Optional<String> createApiKey() throws IOException {
    try (EsConnection admin = EsConnection.open(node.settings())) {
      Request create = new Request("POST", "/_security/api_key");
      create.setJsonEntity("{\"name\":\"minsheng-it\",\"expiration\":\"1h\"}");
      Response r = admin.restClient().performRequest(create);
      return Optional.of(EsConnection.objectMapper().readTree(EntityUtils.toString(r.getEntity())).path("encoded").asText());
    } catch (ResponseException e) {
      String body = EntityUtils.toString(e.getResponse().getEntity());
      assertThat(body).as("the only expected reason an API key cannot be created here").contains("pattern_capture");
      return Optional.empty();
    }
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static EsSettings settings(String user, String password, String key, String ca) {
    return new EsSettings(node.url(), user, password, key, ca, null, null);
  }

  @Test
  void nodeIsHttpsWithItsOwnCa() {
    assertThat(node.url()).startsWith("https://127.0.0.1:");
    assertThat(node.caCertificate()).isRegularFile();
    assertThat(node.caCertificate().resolveSibling("ca.key")).doesNotExist();
    assertThat(node.settings().toString()).doesNotContain(PASSWORD);
  }

  @Test
  void userAndPasswordOverHttpsWithTheCaCertificate() throws IOException {
    EsSettings basic = settings(USER, PASSWORD, null, node.caCertificate().toString());
    try (EsConnection es = EsConnection.open(basic)) {
      assertThat(es.verify()).isEqualTo("minsheng-secured");
      IndexTemplates.defaults().apply(es.client());
      writeAndFind(es, "p-basic", "城区暴雨内涝");
      JsonNode me = json(es.restClient().performRequest(new Request("GET", "/_security/_authenticate")));
      assertThat(me.path("username").asText()).isEqualTo(USER);
      assertThat(me.path("authentication_realm").path("type").asText()).isEqualTo("file");
    }
  }

  @Test
  void apiKeyOverHttpsWithTheCaCertificate() throws IOException {
    Optional<String> created = createApiKey();
    String ca = node.caCertificate().toString();
    // id:key in base64, as Elasticsearch encodes it; unknown to the node
    String unknown = java.util.Base64.getEncoder().encodeToString("bm9wZQ:c2VjcmV0LWtleS1ub3Qta25vd24".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    try (EsConnection es = EsConnection.open(settings(null, null, unknown, ca))) {
      assertThatThrownBy(es::verify)
          .hasMessageStartingWith("Elasticsearch at " + node.url() + " rejected the API key (wrong, expired or"
              + " invalidated: check elasticsearch.apiKey, base64 of id:key) (401)")
          // the node's API-key authenticator read the key's id from our header: the scheme and encoding are right
          .hasMessageContaining("API key: apikey authentication for id bm9wZQ")
          .hasMessageNotContaining(unknown);
    }
    if (created.isEmpty()) {
      return; // this distribution cannot issue keys: the refused key above is all that can be checked
    }
    String apiKey = created.get();
    EsSettings key = settings(null, null, apiKey, ca);
    assertThat(key.toString()).doesNotContain(apiKey);
    try (EsConnection es = EsConnection.open(key)) {
      assertThat(es.verify()).isEqualTo("minsheng-secured");
      IndexTemplates.defaults().apply(es.client()); // idempotent when the other test already applied them
      writeAndFind(es, "p-apikey", "地铁延误");
      JsonNode me = json(es.restClient().performRequest(new Request("GET", "/_security/_authenticate")));
      assertThat(me.path("authentication_type").asText()).isEqualTo("api_key");
    }
  }

  @Test
  void wrongPasswordIsOneClearSentence() {
    try (EsConnection es = EsConnection.open(settings(USER, "not-the-password", null, node.caCertificate().toString()))) {
      assertThatThrownBy(es::verify).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Elasticsearch at " + node.url() + " rejected user 'minsheng': wrong user name or"
              + " password (elasticsearch.username / elasticsearch.password) (401): security_exception: unable to"
              + " authenticate user [minsheng]")
          .hasMessageNotContaining("not-the-password")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n\tat ").hasLineCount(1));
      // the templates, the first thing a host does, say the same
      assertThatThrownBy(() -> IndexTemplates.defaults().apply(es.client()))
          .hasMessageContaining("rejected the credentials (401)");
    }
  }

  @Test
  void missingCredentialsUntrustedCertificateAndPlainHttpAreNamed() {
    String ca = node.caCertificate().toString();
    try (EsConnection es = EsConnection.open(settings(null, null, null, ca))) {
      assertThatThrownBy(es::verify).hasMessageContaining("requires authentication: set elasticsearch.apiKey or"
          + " elasticsearch.username/password (401)");
    }
    try (EsConnection es = EsConnection.open(settings(USER, PASSWORD, null, null))) {
      assertThatThrownBy(es::verify).hasMessageContaining("TLS handshake failed, the server's certificate is not"
          + " trusted: check elasticsearch.caCertificate (not set: the JVM trust store was used)");
    }
    try (EsConnection es = EsConnection.open(settings(USER, PASSWORD, null, ca).withUrl(node.url().replace("https:", "http:")))) {
      assertThatThrownBy(es::verify).hasMessageContaining("use an https:// URL");
    }
  }

  private static void writeAndFind(EsConnection es, String id, String text) throws IOException {
    String index = IndexNames.DEFAULT.posts().indexFor(Instant.parse("2026-11-03T08:00:00Z"));
    ObjectNode doc = EsConnection.objectMapper().createObjectNode().put("id", id).put("site", "example.cn")
        .put("text", text).put("publishedAt", "2026-11-03T08:00:00Z");
    es.client().index(i -> i.index(index).id(id).document(doc).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    SearchResponse<Map> found = es.client().search(s -> s.index(IndexNames.DEFAULT.postsAlias())
        .query(q -> q.term(t -> t.field("id").value(id))), Map.class);
    assertThat(found.hits().hits()).hasSize(1);
    assertThat(found.hits().hits().get(0).index()).isEqualTo(index);
    assertThat(found.hits().hits().get(0).source()).containsEntry("text", text);
  }

  private static JsonNode json(Response r) throws IOException {
    return EsConnection.objectMapper().readTree(EntityUtils.toString(r.getEntity()));
  }
}
