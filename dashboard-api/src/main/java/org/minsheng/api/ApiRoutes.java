package org.minsheng.api;

import java.util.List;
import org.minsheng.api.auth.Role;
import org.minsheng.api.http.AlertHandlers;
import org.minsheng.api.http.BriefHandler;
import org.minsheng.api.http.OpenApiHandler;
import org.minsheng.api.http.RegionsHandler;
import org.minsheng.api.http.Route;
import org.minsheng.api.http.SearchHandler;
import org.minsheng.api.http.SourcesHandler;
import org.minsheng.api.http.TokenHandlers;
import org.minsheng.api.http.TopicHandlers;
import org.minsheng.api.http.TrendsHandler;

/** The route table: every API path with its least role. {@code /api/health} and the SSE stream are wired apart. */
public final class ApiRoutes {
  private ApiRoutes() {
  }

  public static List<Route> of(TrendsHandler trends, TopicHandlers topics, AlertHandlers alerts, SearchHandler search,
      RegionsHandler regions, SourcesHandler sources, BriefHandler brief, TokenHandlers tokens,
      OpenApiHandler openApi) {
    return List.of(
        new Route("GET", "/api/me", Role.VIEWER, r -> java.util.Map.of("name", r.principal().name(), "role",
            r.principal().role().code()), "the caller's token name and role"),
        new Route("GET", "/api/trends", Role.VIEWER, trends, "volume and sentiment series, keyword comparison"),
        new Route("GET", "/api/topics/hot", Role.VIEWER, topics.hot, "hot topics ranked by heat"),
        new Route("GET", "/api/topics/{id}", Role.VIEWER, topics.detail, "topic detail"),
        new Route("GET", "/api/alerts", Role.VIEWER, alerts.list, "alert list"),
        new Route("POST", "/api/alerts/{id}/ack", Role.ANALYST, alerts.acknowledge, "acknowledge an alert"),
        new Route("POST", "/api/alerts/{id}/resolve", Role.ANALYST, alerts.resolve, "resolve an alert"),
        new Route("GET", "/api/search", Role.VIEWER, search, "full-text search over posts"),
        new Route("GET", "/api/regions", Role.VIEWER, regions, "posts and sentiment per region"),
        new Route("GET", "/api/sources", Role.VIEWER, sources, "crawl health per source"),
        new Route("GET", "/api/brief", Role.VIEWER, brief, "daily brief (舆情日报) as printable HTML"),
        new Route("GET", "/api/admin/tokens", Role.ADMIN, tokens.list, "list tokens"),
        new Route("POST", "/api/admin/tokens", Role.ADMIN, tokens.create, "create a token"),
        new Route("DELETE", "/api/admin/tokens/{name}", Role.ADMIN, tokens.revoke, "revoke a token"),
        new Route("GET", "/api/openapi.json", Role.VIEWER, openApi, "this API's OpenAPI document"));
  }
}
