package org.minsheng.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.query.AlertFilter;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.ResultPage;

/** Alert list, acknowledge and resolve. Changes are audited. */
public final class AlertHandlers {
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  static final Set<String> STATUSES = Set.of("new", "acknowledged", "resolved");
  static final Set<String> LEVELS = Set.of("I", "II", "III", "IV");
  static final Set<String> RULES = Set.of("burst", "negative_surge", "watchlist", "spread");

  private final AlertStore alerts;
  private final ParamsFactory params;
  private final AuditLog audit;
  private final Clock clock;

  public AlertHandlers(AlertStore alerts, ParamsFactory params, AuditLog audit, Clock clock) {
    this.alerts = alerts;
    this.params = params;
    this.audit = audit;
    this.clock = clock;
  }

  public record AlertList(long total, int page, int size, List<ObjectNode> items) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("alertId", "firedAt", "level", "levelName", "status", "rule", "ruleName", "title", "topicId",
          "reason", "updatedAt");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (ObjectNode a : items) {
        List<Object> row = new ArrayList<>();
        columns().forEach(c -> row.add(TopicHandlers.text(a, c)));
        rows.add(row);
      }
      return rows;
    }

    @Override
    public String exportName() {
      return "alerts";
    }
  }

  /** {@code ?from&to&status&level&rule&topic&page&size} over {@code firedAt}, newest first. */
  public final Endpoint list = this::listImpl;

  private Object listImpl(ApiRequest request) throws java.io.IOException {
    Params p = params.of(request);
    AlertFilter filter = new AlertFilter(p.window(DEFAULT_WINDOW), p.oneOf("status", STATUSES),
        p.oneOf("level", LEVELS), p.oneOf("rule", RULES), p.identifier("topic"));
    Params.Page page = p.page(20);
    ResultPage<ObjectNode> r = alerts.list(filter, page.offset(), page.size());
    return new AlertList(r.total(), page.page(), page.size(), r.items());
  }

  public final Endpoint acknowledge = this::acknowledgeImpl;

  private Object acknowledgeImpl(ApiRequest request) throws java.io.IOException {
    return transition(request, "acknowledged");
  }

  public final Endpoint resolve = this::resolveImpl;

  private Object resolveImpl(ApiRequest request) throws java.io.IOException {
    return transition(request, "resolved");
  }

  private ObjectNode transition(ApiRequest request, String status) throws java.io.IOException {
    String id = request.pathParam("id");
    if (id.isBlank() || id.length() > 200) {
      throw new BadParameterException("id", "expected an alert id of 1 to 200 characters");
    }
    String by = request.principal().name();
    ObjectNode updated;
    try {
      updated = alerts.transition(id, status, by, clock.instant())
          .orElseThrow(() -> ApiException.notFound("alert '" + id + "'"));
    } catch (IllegalStateException e) {
      throw new ApiException(409, "conflict", e.getMessage());
    }
    audit.record(new AuditLog.Event(clock.instant(), by, request.principal().role().code(), "alert." + status,
        Map.of("alertId", id)));
    return updated;
  }
}
