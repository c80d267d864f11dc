package org.minsheng.api.auth;

import java.time.Instant;
import java.util.Map;

/** Records admin actions, alert changes and exports: who, what, when. */
public interface AuditLog {
  record Event(Instant at, String actor, String role, String action, Map<String, String> details) {
  }

  void record(Event event);
}
