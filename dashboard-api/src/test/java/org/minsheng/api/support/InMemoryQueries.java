package org.minsheng.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.minsheng.api.ApiServer;
import org.minsheng.api.query.AlertFilter;
import org.minsheng.api.query.AlertStore;
import org.minsheng.api.query.HealthProbe;
import org.minsheng.api.query.ResultPage;
import org.minsheng.api.query.TrendSeries;

/** A query layer without Elasticsearch, for tests of wiring and access: empty data, alerts kept in a map. */
public final class InMemoryQueries {
  private InMemoryQueries() {
  }

  public static final class Alerts implements AlertStore {
    public final Map<String, ObjectNode> docs = new ConcurrentHashMap<>();

    @Override
    public ResultPage<ObjectNode> list(AlertFilter filter, int offset, int size) {
      List<ObjectNode> all = new ArrayList<>(docs.values());
      return new ResultPage<>(all.size(), 1, size, all.stream().skip(offset).limit(size).toList());
    }

    @Override
    public Optional<ObjectNode> get(String alertId) {
      return Optional.ofNullable(docs.get(alertId));
    }

    @Override
    public Optional<ObjectNode> transition(String alertId, String status, String by, Instant at) {
      ObjectNode doc = docs.get(alertId);
      if (doc == null) {
        return Optional.empty();
      }
      doc.put("status", status).put("updatedAt", at.toString());
      return Optional.of(doc);
    }

    @Override
    public List<ObjectNode> updatedSince(Instant since, int limit) {
      return docs.values().stream().filter(a -> !Instant.parse(a.get("updatedAt").asText()).isBefore(since))
          .sorted(Comparator.comparing(a -> a.get("updatedAt").asText())).limit(limit).toList();
    }
  }

  public static ApiServer.Queries empty(Alerts alerts) {
    return new ApiServer.Queries(() -> new HealthProbe.Health(true, "green", 1, null),
        r -> List.of(new TrendSeries("", 0, List.of())), new org.minsheng.api.query.TopicQuery() {
          @Override
          public List<ObjectNode> hot(org.minsheng.api.query.HotTopicFilter filter) {
            return List.of();
          }

          @Override
          public Optional<org.minsheng.api.query.TopicDetail> detail(String topicId) {
            return Optional.empty();
          }
        }, alerts, r -> new ResultPage<>(0, 1, r.size(), List.of()), f -> List.of(), List::of);
  }

  public static ObjectNode alert(ObjectMapper json, String id, Instant at) {
    return json.createObjectNode().put("alertId", id).put("status", "new").put("level", "II").put("levelName", "橙")
        .put("title", "测试预警").put("firedAt", at.toString()).put("updatedAt", at.toString());
  }
}
