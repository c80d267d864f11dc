package org.minsheng.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minsheng.api.query.AlertFilter;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.ResultPage;

class AlertStreamTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

  /** Documents "visible" in the index; tests add them to simulate the job writing and refresh delays. */
  final List<ObjectNode> visible = new ArrayList<>();
  final AlertStore store = new AlertStore() {
    @Override
    public ResultPage<ObjectNode> list(AlertFilter filter, int offset, int size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ObjectNode> get(String alertId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ObjectNode> transition(String alertId, String status, String by, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ObjectNode> updatedSince(Instant since, int limit) {
      return visible.stream().filter(a -> !Instant.parse(a.get("updatedAt").asText()).isBefore(since))
          .sorted(Comparator.comparing(a -> a.get("updatedAt").asText())).limit(limit).toList();
    }
  };

  static ObjectNode alert(String id, Instant updatedAt, String status) {
    return JSON.createObjectNode().put("alertId", id).put("updatedAt", updatedAt.toString()).put("status", status);
  }

  @Test
  void sendsNewAndChangedAlertsOnceIncludingLateVisibleOnes() throws Exception {
    AlertStream stream = new AlertStream(store, Duration.ofSeconds(2), Clock.fixed(START, ZoneOffset.UTC));
    List<String> received = new ArrayList<>();
    stream.subscribe(a -> received.add(a.get("alertId").asText() + ":" + a.get("status").asText()));
    visible.add(alert("old", START.minusSeconds(3600), "new"));
    visible.add(alert("a1", START.plusSeconds(1), "new"));
    assertThat(stream.poll()).isEqualTo(1);
    assertThat(stream.poll()).isZero();
    // written earlier than a1 but refreshed later: still inside the overlap, so delivered
    visible.add(alert("a2", START.plusMillis(500), "new"));
    visible.add(alert("a1", START.plusSeconds(5), "acknowledged"));
    assertThat(stream.poll()).isEqualTo(2);
    assertThat(received).containsExactly("a1:new", "a2:new", "a1:acknowledged");
    assertThat(stream.subscriberCount()).isEqualTo(1);
    stream.close();
    assertThat(stream.subscriberCount()).isZero();
  }

  @Test
  void aFailingSubscriberIsDroppedWithoutStoppingOthers() throws Exception {
    AlertStream stream = new AlertStream(store, Duration.ofSeconds(2), Clock.fixed(START, ZoneOffset.UTC));
    List<String> received = new ArrayList<>();
    stream.subscribe(a -> {
      throw new IllegalStateException("client went away");
    });
    stream.subscribe(a -> received.add(a.get("alertId").asText()));
    visible.add(alert("a1", START.plusSeconds(1), "new"));
    stream.poll();
    assertThat(received).containsExactly("a1");
    assertThat(stream.subscriberCount()).isEqualTo(1);
  }
}
