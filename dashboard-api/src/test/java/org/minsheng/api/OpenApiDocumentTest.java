package org.minsheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.auth.TokenStore;
import org.minsheng.api.http.AlertHandlers;
import org.minsheng.api.http.BriefHandler;
import org.minsheng.api.http.OpenApiHandler;
import org.minsheng.api.http.ParamsFactory;
import org.minsheng.api.http.RegionsHandler;
import org.minsheng.api.http.Route;
import org.minsheng.api.http.SearchHandler;
import org.minsheng.api.http.SourcesHandler;
import org.minsheng.api.http.TokenHandlers;
import org.minsheng.api.http.TopicHandlers;
import org.minsheng.api.http.TrendsHandler;
import org.minsheng.api.support.InMemoryQueries;

/** The OpenAPI document lists every route with its method and the role the code enforces, and nothing else. */
class OpenApiDocumentTest {
  @Test
  void documentMatchesTheRouteTable() throws Exception {
    var json = ApiServer.json();
    ApiSettings settings = ApiSettings.load(null, Map.of());
    var q = InMemoryQueries.empty(new InMemoryQueries.Alerts());
    ParamsFactory params = new ParamsFactory(settings.limits(), settings.server().zone(), Clock.systemUTC());
    AuditLog audit = e -> { };
    OpenApiHandler openApi = new OpenApiHandler(json);
    List<Route> routes = ApiRoutes.of(new TrendsHandler(q.trends(), params), new TopicHandlers(q.topics(), params),
        new AlertHandlers(q.alerts(), params, audit, Clock.systemUTC()), new SearchHandler(q.search(), params),
        new RegionsHandler(q.regions(), params), new SourcesHandler(q.sources(), Clock.systemUTC()),
        new BriefHandler(q.trends(), q.topics(), q.alerts(), q.regions(), params, () -> "", Clock.systemUTC()),
        new TokenHandlers(TokenStore.inMemory(json), audit, json, Clock.systemUTC()), openApi);
    JsonNode paths = openApi.handle(null).get("paths");
    List<String> documented = new ArrayList<>();
    paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(
        m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    List<String> served = new ArrayList<>(List.of("GET /api/health", "GET /api/alerts/stream"));
    for (Route r : routes) {
      served.add(r.method() + " " + r.path());
      JsonNode op = paths.get(r.path()).get(r.method().toLowerCase(Locale.ROOT));
      assertThat(op.get("x-minsheng-role").asText()).as(r.path()).isEqualTo(r.role().code());
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
  }
}
