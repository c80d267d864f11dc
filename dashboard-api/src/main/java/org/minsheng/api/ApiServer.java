package org.minsheng.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.minsheng.api.auth.AccessControl;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.auth.FileAuditLog;
import org.minsheng.api.auth.RateLimiter;
import org.minsheng.api.auth.Role;
import org.minsheng.api.auth.TokenStore;
import org.minsheng.api.http.AlertHandlers;
import org.minsheng.api.http.BriefHandler;
import org.minsheng.api.http.HealthHandler;
import org.minsheng.api.http.OpenApiHandler;
import org.minsheng.api.http.ParamsFactory;
import org.minsheng.api.http.RegionsHandler;
import org.minsheng.api.http.SearchHandler;
import org.minsheng.api.http.SourcesHandler;
import org.minsheng.api.http.TokenHandlers;
import org.minsheng.api.http.TopicHandlers;
import org.minsheng.api.http.TrendsHandler;
import org.minsheng.api.live.AlertStream;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.CachingRegionQuery;
import org.minsheng.api.query.CachingTopicQuery;
import org.minsheng.api.query.CachingTrendQuery;
import org.minsheng.api.query.EsAlertStore;
import org.minsheng.api.query.EsHealthProbe;
import org.minsheng.api.query.EsPostSearch;
import org.minsheng.api.query.EsRegionQuery;
import org.minsheng.api.query.EsSourceQuery;
import org.minsheng.api.query.EsTopicQuery;
import org.minsheng.api.query.EsTrendQuery;
import org.minsheng.api.query.HealthProbe;
import org.minsheng.api.query.PostSearch;
import org.minsheng.api.query.QueryCache;
import org.minsheng.api.query.RegionQuery;
import org.minsheng.api.query.SourceQuery;
import org.minsheng.api.query.TopicQuery;
import org.minsheng.api.query.TrendQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dashboard API: {@link #start} builds the parts (Elasticsearch client, query layer, handlers, access
 * control) and starts the HTTP server; {@link #close} stops the server, the live-alert poller and the client.
 * This is what {@code ./minsheng demo} and {@code ./minsheng api} call.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** Environment variable whose value becomes the demo admin token. */
  public static final String DEMO_TOKEN_ENV = "MINSHENG_DEMO_TOKEN";

  private final Javalin app;
  private final AlertStream stream;
  private final ElasticsearchClient client;
  private final String url;
  private final String demoToken;
  private final java.util.List<org.minsheng.api.http.Route> routes;

  private ApiServer(Javalin app, AlertStream stream, ElasticsearchClient client, String url, String demoToken,
      java.util.List<org.minsheng.api.http.Route> routes) {
    this.routes = routes;
    this.app = app;
    this.stream = stream;
    this.client = client;
    this.url = url;
    this.demoToken = demoToken;
  }

  /** The query layer a dashboard reads from; tests pass fakes, {@link #start} the Elasticsearch ones. */
  public record Queries(HealthProbe health, TrendQuery trends, TopicQuery topics, AlertStore alerts,
      PostSearch search, RegionQuery regions, SourceQuery sources) {
    public static Queries elasticsearch(ElasticsearchClient client, ApiSettings.Elasticsearch es) {
      return new Queries(new EsHealthProbe(client), new EsTrendQuery(client, es.postsIndex()),
          new EsTopicQuery(client, es.topicsIndex(), es.postsIndex()), new EsAlertStore(client, es.alertsIndex()),
          new EsPostSearch(client, es.postsIndex()), new EsRegionQuery(client, es.postsIndex()),
          new EsSourceQuery(client, es.sourcesIndex()));
    }

    /**
     * The same queries with trends, hot topics and regions answered through a {@link QueryCache} each (single flight
     * plus {@code cache.ttl}); unchanged when the TTL is zero.
     */
    public Queries cached(ApiSettings.Cache cache) {
      if (cache.ttl().isZero()) {
        return this;
      }
      return new Queries(health, new CachingTrendQuery(trends, new QueryCache<>(cache.ttl(), cache.maxEntries(),
          System::nanoTime)), new CachingTopicQuery(topics, new QueryCache<>(cache.ttl(), cache.maxEntries(),
          System::nanoTime)), alerts, search, new CachingRegionQuery(regions, new QueryCache<>(cache.ttl(),
          cache.maxEntries(), System::nanoTime)), sources);
    }
  }

  /** Jackson as the API writes it: ISO-8601 dates, no timestamps. */
  public static ObjectMapper json() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * Starts against Elasticsearch. When {@code demoAdmin} is true an admin token named {@code demo} is registered,
   * its value taken from {@code MINSHENG_DEMO_TOKEN} in {@code env} or generated; {@link #demoToken()} returns it.
   */
  public static ApiServer start(ApiSettings settings, Map<String, String> env, boolean demoAdmin) {
    ObjectMapper json = json();
    ElasticsearchClient client = EsClients.create(settings.elasticsearch(), json);
    try {
      return start(settings, Queries.elasticsearch(client, settings.elasticsearch()).cached(settings.cache()), env,
          demoAdmin, client,
          Clock.systemUTC());
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw e;
    }
  }

  /** Starts with the given query layer (tests). */
  public static ApiServer start(ApiSettings settings, Queries queries, Map<String, String> env, boolean demoAdmin,
      ElasticsearchClient owned, Clock clock) {
    ObjectMapper json = json();
    String tokensFile = settings.auth().tokensFile();
    TokenStore tokens = new TokenStore(tokensFile.isBlank() ? null : Path.of(tokensFile), json, clock);
    String demoToken = null;
    if (demoAdmin) {
      demoToken = Optional.ofNullable(env.get(DEMO_TOKEN_ENV)).filter(t -> !t.isBlank()).orElseGet(ApiServer::randomToken);
      tokens.register("demo", Role.ADMIN, demoToken);
    }
    String auditFile = settings.auth().auditLog();
    AuditLog audit = new FileAuditLog(auditFile.isBlank() ? null : Path.of(auditFile), json);
    AccessControl access = new AccessControl(tokens, new RateLimiter(settings.auth().rateLimitPerMinute(),
        System::nanoTime));
    ParamsFactory params = new ParamsFactory(settings.limits(), settings.server().zone(), clock);
    AtomicReference<String> baseUrl = new AtomicReference<>(settings.server().publicUrl());
    AlertStream stream = new AlertStream(queries.alerts(), settings.alerts().streamPollInterval(), clock);
    DashboardApp dashboard = new DashboardApp(settings, json, access, audit, new HealthHandler(queries.health()),
        ApiRoutes.of(new TrendsHandler(queries.trends(), params), new TopicHandlers(queries.topics(), params),
            new AlertHandlers(queries.alerts(), params, audit, clock), new SearchHandler(queries.search(), params),
            new RegionsHandler(queries.regions(), params), new SourcesHandler(queries.sources(), clock),
            new BriefHandler(queries.trends(), queries.topics(), queries.alerts(), queries.regions(), params,
                baseUrl::get, clock),
            new TokenHandlers(tokens, audit, json, clock), new OpenApiHandler(json)),
        stream, clock);
    Javalin app = dashboard.create();
    app.start(settings.server().host(), settings.server().port());
    String url = "http://" + settings.server().host() + ":" + app.port();
    if (baseUrl.get().isBlank()) {
      baseUrl.set(url);
    }
    stream.start();
    LOG.info("Dashboard API listening on {} (Elasticsearch {}; CORS {})", url, settings.elasticsearch().url(),
        settings.cors().origins().isEmpty() ? "off" : settings.cors().origins());
    return new ApiServer(app, stream, owned, url, demoToken, dashboard.routes());
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String url() {
    return url;
  }

  public int port() {
    return app.port();
  }

  /** The API routes (besides /api/health and /api/alerts/stream) with their roles. */
  public java.util.List<org.minsheng.api.http.Route> routes() {
    return routes;
  }

  /** The demo admin token, if one was requested. */
  public Optional<String> demoToken() {
    return Optional.ofNullable(demoToken);
  }

  @Override
  public void close() {
    stream.close();
    app.stop();
    if (client != null) {
      closeQuietly(client);
    }
    LOG.info("Dashboard API on {} stopped", url);
  }

  private static void closeQuietly(ElasticsearchClient client) {
    try {
      client._transport().close();
    } catch (IOException e) {
      LOG.warn("Closing the Elasticsearch client failed: {}", e.toString());
    }
  }
}
