package org.minsheng.api.http;

import org.minsheng.api.query.HealthProbe;

/** {@code GET /api/health}: 200 when Elasticsearch answers (any cluster status), 503 when it does not. */
public final class HealthHandler {
  private final HealthProbe probe;

  public HealthHandler(HealthProbe probe) {
    this.probe = probe;
  }

  public record Response(String status, Elasticsearch elasticsearch) {
    public record Elasticsearch(boolean reachable, String status, int nodes, String error) {
    }
  }

  public Response check() {
    HealthProbe.Health h = probe.check();
    return new Response(h.reachable() ? "ok" : "degraded",
        new Response.Elasticsearch(h.reachable(), h.status(), h.nodes(), h.error()));
  }
}
