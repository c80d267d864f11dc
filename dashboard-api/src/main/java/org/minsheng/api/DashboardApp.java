package org.minsheng.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minsheng.api.auth.AccessControl;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.auth.Principal;
import org.minsheng.api.auth.Role;
import org.minsheng.api.http.ApiException;
import org.minsheng.api.http.ApiRequest;
import org.minsheng.api.http.BadParameterException;
import org.minsheng.api.http.Csv;
import org.minsheng.api.http.HealthHandler;
import org.minsheng.api.http.HtmlDocument;
import org.minsheng.api.http.Route;
import org.minsheng.api.http.Tabular;
import org.minsheng.api.live.AlertStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring: builds the Javalin app from its parts (routes with their handlers, access control, audit log, the live
 * alert stream). Holds no state of its own beyond what it is given.
 */
public final class DashboardApp {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);
  static final String PRINCIPAL = "minsheng.principal";
  static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
      + "frame-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

  private final ApiSettings settings;
  private final ObjectMapper json;
  private final AccessControl access;
  private final AuditLog audit;
  private final HealthHandler health;
  private final List<Route> routes;
  private final AlertStream alertStream;
  private final Clock clock;

  public DashboardApp(ApiSettings settings, ObjectMapper json, AccessControl access, AuditLog audit,
      HealthHandler health, List<Route> routes, AlertStream alertStream, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.access = access;
    this.audit = audit;
    this.health = health;
    this.routes = List.copyOf(routes);
    this.alertStream = alertStream;
    this.clock = clock;
  }

  public List<Route> routes() {
    return routes;
  }

  public Javalin create() {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.staticFiles.add("/web", Location.CLASSPATH);
      config.staticFiles.enableWebjars();
      config.http.defaultContentType = "application/json; charset=utf-8";
      List<String> origins = settings.cors().origins();
      if (!origins.isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          origins.forEach(o -> rule.allowHost(o));
          rule.exposeHeader("Retry-After");
        }));
      }
    });
    app.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Content-Security-Policy", CSP);
    });
    app.beforeMatched(ctx -> {
      Role required = ctx.routeRoles().stream().filter(Role.class::isInstance).map(Role.class::cast).findFirst()
          .orElse(null);
      if (required != null) {
        ctx.attribute(PRINCIPAL, access.authorize(ctx.header("Authorization"), required));
      }
    });
    app.get("/api/health", ctx -> {
      HealthHandler.Response r = health.check();
      ctx.status(r.elasticsearch().reachable() ? 200 : 503).json(r);
    });
    for (Route route : routes) {
      HandlerType type = HandlerType.valueOf(route.method());
      app.addHttpHandler(type, route.path(), ctx -> serve(ctx, route), route.role());
    }
    app.sse("/api/alerts/stream", alertStream::register, Role.VIEWER);
    app.exception(AccessControl.RateLimitedException.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      error(ctx, e);
    });
    app.exception(ApiException.class, (e, ctx) -> {
      if (e.status() == 401) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"minsheng\"");
      }
      error(ctx, e);
    });
    app.exception(ElasticsearchException.class, (e, ctx) -> {
      LOG.warn("Elasticsearch refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      error(ctx, new ApiException(502, "elasticsearch_error", "Elasticsearch refused the query: " + e.error().type()));
    });
    app.exception(IOException.class, (e, ctx) -> {
      LOG.warn("Elasticsearch unreachable for {} {}: {}", ctx.method(), ctx.path(), e.toString());
      String what = e instanceof ConnectException ? "cannot connect" : e.getClass().getSimpleName();
      error(ctx, new ApiException(503, "elasticsearch_unavailable", "Elasticsearch is unavailable (" + what + ")"));
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Failed {} {}", ctx.method(), ctx.path(), e);
      error(ctx, new ApiException(500, "internal_error", "internal error; see the server log"));
    });
    return app;
  }

  private void serve(Context ctx, Route route) throws IOException {
    Principal principal = ctx.attribute(PRINCIPAL);
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      throw new BadParameterException("format", "expected json or csv, got '" + format + "'");
    }
    Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
    query.remove("format");
    ApiRequest request = new ApiRequest(query, ctx.pathParamMap(), principal, ctx.body());
    Object result = route.endpoint().handle(request);
    if (result instanceof HtmlDocument html) {
      ctx.contentType("text/html; charset=utf-8");
      if (html.download()) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + html.fileName() + "\"");
      }
      ctx.result(html.html());
      return;
    }
    if ("csv".equals(format)) {
      if (!(result instanceof Tabular table)) {
        throw new BadParameterException("format", "this endpoint has no CSV form");
      }
      if (principal == null || !principal.role().includes(Role.ANALYST)) {
        throw new ApiException(403, "forbidden", "CSV export needs the role analyst");
      }
      audit.record(new AuditLog.Event(clock.instant(), principal.name(), principal.role().code(), "export",
          Map.of("path", ctx.path(), "query", String.valueOf(ctx.queryString()), "rows",
              Integer.toString(Math.min(table.rows().size(), settings.limits().maxExportRows())))));
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"minsheng-" + table.exportName() + ".csv\"");
      ctx.result(Csv.write(table, settings.limits().maxExportRows()).getBytes(StandardCharsets.UTF_8));
      return;
    }
    ctx.json(result);
  }

  private void error(Context ctx, ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.code());
    if (e instanceof BadParameterException b) {
      body.put("parameter", b.parameter());
    }
    body.put("message", e.getMessage());
    ctx.status(e.status()).json(body);
  }
}
