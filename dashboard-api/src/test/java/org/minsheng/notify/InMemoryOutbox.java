package org.minsheng.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test outbox with the same versioned-write semantics as the Elasticsearch one (without the re-read retry). */
final class InMemoryOutbox implements Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Map<String, ObjectNode> docs = new LinkedHashMap<>();
  final Map<String, Long> versions = new LinkedHashMap<>();

  void put(ObjectNode doc) {
    String id = doc.get("alertId").asText();
    docs.put(id, doc);
    versions.merge(id, 1L, Long::sum);
  }

  JsonNode delivery(String id, String channel) {
    return docs.get(id).path("deliveries").path(channel);
  }

  @Override
  public synchronized List<PendingDelivery> due(Instant now, Collection<String> channels, int limit) {
    List<PendingDelivery> out = new ArrayList<>();
    for (ObjectNode doc : docs.values()) {
      String id = doc.get("alertId").asText();
      for (String ch : channels) {
        JsonNode d = doc.path("deliveries").path(ch);
        if (d.isObject() && DeliveryState.fromJson(d).dueAt(now) && out.size() < limit) {
          out.add(new PendingDelivery(id, ch, AlertMessage.fromDocument(doc), DeliveryState.fromJson(d),
              versions.get(id), 1));
        }
      }
    }
    return out;
  }

  @Override
  public synchronized Optional<PendingDelivery> write(PendingDelivery d, DeliveryState next) {
    if (versions.get(d.alertId()) != d.seqNo()) {
      return Optional.empty();
    }
    ((ObjectNode) docs.get(d.alertId()).get("deliveries")).set(d.channel(), JSON.valueToTree(next.toMap()));
    long v = versions.merge(d.alertId(), 1L, Long::sum);
    return Optional.of(d.withState(next, v, 1));
  }

  @Override
  public synchronized boolean complete(PendingDelivery leased, DeliveryState outcome) {
    return write(leased, outcome).isPresent();
  }
}
