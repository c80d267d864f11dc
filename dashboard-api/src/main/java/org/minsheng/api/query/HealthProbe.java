package org.minsheng.api.query;

/** Whether the cluster answers, and its status. */
public interface HealthProbe {
  /** @param status green / yellow / red, or "unavailable" with {@code error} set */
  record Health(boolean reachable, String status, int nodes, String error) {
  }

  Health check();
}
