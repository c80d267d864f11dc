package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cluster health via {@code _cluster/health} (the integ-test distribution answers 405 to {@code GET /}). */
public final class EsHealthProbe implements HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(EsHealthProbe.class);
  private final ElasticsearchClient client;

  public EsHealthProbe(ElasticsearchClient client) {
    this.client = client;
  }

  @Override
  public Health check() {
    try {
      HealthResponse health = client.cluster().health();
      return new Health(true, health.status().jsonValue(), health.numberOfNodes(), null);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Elasticsearch health check failed: {}", e.toString());
      return new Health(false, "unavailable", 0, e.getMessage());
    }
  }
}
