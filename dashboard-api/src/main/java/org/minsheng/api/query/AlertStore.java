package org.minsheng.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alert documents ({@code minsheng-alerts}, fields in docs/ARCHITECTURE.md), passed through as JSON objects. */
public interface AlertStore {
  /** Newest first by {@code firedAt}. */
  ResultPage<ObjectNode> list(AlertFilter filter, int offset, int size) throws IOException;

  Optional<ObjectNode> get(String alertId) throws IOException;

  /**
   * Sets {@code status} (acknowledged / resolved), {@code updatedAt} and appends to {@code history}, with optimistic
   * concurrency so a concurrent change by the job or another user is never overwritten.
   *
   * @throws IllegalStateException when the transition is not allowed from the current status
   */
  Optional<ObjectNode> transition(String alertId, String status, String by, Instant at) throws IOException;

  /** Alerts with {@code updatedAt >= since}, oldest first, at most {@code limit}. */
  List<ObjectNode> updatedSince(Instant since, int limit) throws IOException;
}
