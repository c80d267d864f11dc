package org.minsheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.api.auth.Role;
import org.minsheng.api.http.Route;
import org.minsheng.api.support.InMemoryQueries;

/**
 * In-process HTTP against the real server (query layer in memory): every endpoint but /api/health refuses a missing,
 * wrong or under-privileged token; CSV export and admin actions are audited; CORS is off unless configured.
 */
class AccessControlITCase {
  static final ObjectMapper JSON = ApiServer.json();
  static final String ADMIN = "admin-token-for-the-access-test";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static ApiServer server;
  static InMemoryQueries.Alerts alerts = new InMemoryQueries.Alerts();
  static String viewer;
  static String analyst;

  @BeforeAll
  static void start() throws Exception {
    ApiSettings settings = ApiSettings.load(null, Map.of()).withServer("127.0.0.1", 0)
        .withAuth(new ApiSettings.Auth("", 10_000, dir.resolve("audit.log").toString()));
    alerts.docs.put("a1", InMemoryQueries.alert(JSON, "a1", Instant.now()));
    server = ApiServer.start(settings, InMemoryQueries.empty(alerts), Map.of(ApiServer.DEMO_TOKEN_ENV, ADMIN), true,
        null, Clock.systemUTC());
    viewer = createToken("viewer1", "viewer");
    analyst = createToken("analyst1", "analyst");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String createToken(String name, String role) throws Exception {
    HttpResponse<String> r = send("POST", "/api/admin/tokens", ADMIN, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String concrete(String path) {
    return path.replace("{id}", "a1").replace("{name}", "nobody");
  }

  @Test
  void everyRouteRefusesMissingWrongAndUnderPrivilegedTokens() throws Exception {
    List<Route> routes = new ArrayList<>(server.routes());
    routes.add(new Route("GET", "/api/alerts/stream", Role.VIEWER, null, "live stream"));
    assertThat(routes).hasSizeGreaterThan(10);
    for (Route route : routes) {
      String path = concrete(route.path());
      HttpResponse<String> missing = send(route.method(), path, null, null);
      assertThat(missing.statusCode()).as("no token: %s %s", route.method(), path).isEqualTo(401);
      assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"minsheng\"");
      assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("unauthorized");
      assertThat(send(route.method(), path, "not-a-real-token-at-all", null).statusCode())
          .as("wrong token: %s %s", route.method(), path).isEqualTo(401);
      if (route.role() == Role.ANALYST || route.role() == Role.ADMIN) {
        HttpResponse<String> low = send(route.method(), path, viewer, null);
        assertThat(low.statusCode()).as("viewer: %s %s", route.method(), path).isEqualTo(403);
      }
      if (route.role() == Role.ADMIN) {
        assertThat(send(route.method(), path, analyst, null).statusCode()).as("analyst: %s", path).isEqualTo(403);
      }
    }
  }

  @Test
  void healthIsPublicAndEveryViewerRouteAnswersAViewer() throws Exception {
    assertThat(send("GET", "/api/health", null, null).statusCode()).isEqualTo(200);
    for (Route route : server.routes()) {
      if (route.role() == Role.VIEWER && route.method().equals("GET") && !route.path().contains("{")) {
        HttpResponse<String> r = send("GET", route.path(), viewer, null);
        assertThat(r.statusCode()).as("%s: %s", route.path(), r.body()).isEqualTo(200);
      }
    }
  }

  @Test
  void csvExportNeedsAnalystAndIsAudited() throws Exception {
    HttpResponse<String> refused = send("GET", "/api/alerts?format=csv", viewer, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("CSV export needs the role analyst");
    HttpResponse<String> csv = send("GET", "/api/alerts?format=csv", analyst, null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("minsheng-alerts.csv");
    assertThat(csv.body()).contains("alertId,firedAt,level").contains("a1,");
    String audit = Files.readString(dir.resolve("audit.log"), StandardCharsets.UTF_8);
    assertThat(audit).contains("\"actor\":\"analyst1\"").contains("\"action\":\"export\"")
        .contains("\"action\":\"token.create\"");
    assertThat(send("GET", "/api/alerts?format=xml", analyst, null).body()).contains("\"parameter\":\"format\"");
  }

  @Test
  void adminCanRevokeAndRevokedTokensStopWorking() throws Exception {
    String temp = createToken("temp1", "viewer");
    assertThat(send("GET", "/api/sources", temp, null).statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(send("GET", "/api/admin/tokens", ADMIN, null).body());
    assertThat(list.toString()).contains("temp1").doesNotContain(temp);
    assertThat(send("DELETE", "/api/admin/tokens/temp1", ADMIN, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/sources", temp, null).statusCode()).isEqualTo(401);
    assertThat(Files.readString(dir.resolve("audit.log"), StandardCharsets.UTF_8)).contains("token.revoke");
  }

  @Test
  void noCorsHeadersUnlessConfigured() throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "/api/health"))
        .header("Origin", "https://evil.example").GET().build();
    HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void corsOnlyForConfiguredOrigins() throws Exception {
    ApiSettings settings = ApiSettings.load(null, Map.of()).withServer("127.0.0.1", 0)
        .withAuth(new ApiSettings.Auth("", 10_000, "")).withCors("https://ops.example.org");
    try (ApiServer cors = ApiServer.start(settings, InMemoryQueries.empty(new InMemoryQueries.Alerts()), Map.of(),
        false, null, Clock.systemUTC())) {
      for (String origin : List.of("https://ops.example.org", "https://evil.example")) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cors.url() + "/api/health"))
            .header("Origin", origin).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
            .isEqualTo(origin.contains("ops") ? java.util.Optional.of(origin) : java.util.Optional.empty());
      }
    }
  }

  @Test
  void badParametersAnswer400NamingTheParameter() throws Exception {
    HttpResponse<String> r = send("GET", "/api/trends?interval=2h", viewer, null);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("bad_parameter");
    assertThat(body.get("parameter").asText()).isEqualTo("interval");
    assertThat(body.get("message").asText()).contains("'2h'");
  }

  @Test
  void analystAcknowledgesAnAlert() throws Exception {
    HttpResponse<String> r = send("POST", "/api/alerts/a1/ack", analyst, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("acknowledged");
    assertThat(Files.readString(dir.resolve("audit.log"), StandardCharsets.UTF_8)).contains("alert.acknowledged");
  }
}
