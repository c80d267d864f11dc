package org.minsheng.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.auth.Principal;
import org.minsheng.api.auth.Role;
import org.minsheng.api.query.AlertFilter;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.ResultPage;

class AlertHandlersTest {
  final List<AuditLog.Event> audit = new ArrayList<>();
  final List<AlertFilter> filters = new ArrayList<>();
  final AlertStore store = new AlertStore() {
    @Override
    public ResultPage<ObjectNode> list(AlertFilter filter, int offset, int size) {
      filters.add(filter);
      return new ResultPage<>(0, 1, size, List.of());
    }

    @Override
    public Optional<ObjectNode> get(String alertId) {
      return Optional.empty();
    }

    @Override
    public Optional<ObjectNode> transition(String alertId, String status, String by, Instant at) {
      if (alertId.equals("done")) {
        throw new IllegalStateException("alert done is resolved; it cannot become " + status);
      }
      return alertId.equals("a1") ? Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
          .put("alertId", alertId).put("status", status).put("by", by)) : Optional.empty();
    }

    @Override
    public List<ObjectNode> updatedSince(Instant since, int limit) {
      return List.of();
    }
  };
  final AlertHandlers handlers = new AlertHandlers(store, TrendsHandlerTest.params(), audit::add,
      TrendsHandlerTest.params().clock());

  static ApiRequest as(String id) {
    return new ApiRequest(Map.of(), Map.of("id", id), new Principal("duty1", Role.ANALYST), "");
  }

  @Test
  void acknowledgeRecordsWhoAndAudits() throws Exception {
    ObjectNode r = (ObjectNode) handlers.acknowledge.handle(as("a1"));
    assertThat(r.get("status").asText()).isEqualTo("acknowledged");
    assertThat(r.get("by").asText()).isEqualTo("duty1");
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("alert.acknowledged");
      assertThat(e.actor()).isEqualTo("duty1");
      assertThat(e.details()).containsEntry("alertId", "a1");
    });
  }

  @Test
  void refusedTransitionIs409AndMissingIs404NeitherAudited() {
    assertThatThrownBy(() -> handlers.resolve.handle(as("done"))).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.getMessage()).contains("cannot become resolved");
    });
    assertThatThrownBy(() -> handlers.resolve.handle(as("x"))).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(404));
    assertThat(audit).isEmpty();
  }

  @Test
  void listValidatesEnumsAndPaging() throws Exception {
    handlers.list.handle(TrendsHandlerTest.query("status", "new", "level", "II", "rule", "burst"));
    assertThat(filters.get(0).status()).contains("new");
    assertThat(filters.get(0).window().from()).isEqualTo(TrendsHandlerTest.NOW.minusSeconds(7 * 86400));
    assertThatThrownBy(() -> handlers.list.handle(TrendsHandlerTest.query("level", "V")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("level");
          assertThat(e.getMessage()).contains("[I, II, III, IV]");
        });
    assertThatThrownBy(() -> handlers.list.handle(TrendsHandlerTest.query("page", "200", "size", "100")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
    assertThatThrownBy(() -> handlers.list.handle(TrendsHandlerTest.query("size", "0")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.getMessage()).contains("from 1 to 100"));
  }
}
