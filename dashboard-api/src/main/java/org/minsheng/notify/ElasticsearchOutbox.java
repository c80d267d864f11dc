package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox in Elasticsearch: the {@code minsheng-alerts} documents themselves. Reads carry {@code _seq_no} /
 * {@code _primary_term}; every write is a partial update of {@code deliveries.<channel>} conditional on them
 * ({@code if_seq_no}/{@code if_primary_term}), so of two notifiers that read the same pending delivery only one
 * leases it. When a conditional write loses to a change elsewhere in the document (another channel's delivery, the
 * API acknowledging the alert), the document is re-read and the write retried only if this channel's entry is still
 * exactly what was read — so no one else has taken it.
 */
public final class ElasticsearchOutbox implements Outbox {
  private static final int MAX_RETRIES = 5;

  private final ElasticsearchClient client;
  private final String index;

  public ElasticsearchOutbox(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public List<PendingDelivery> due(Instant now, Collection<String> channels, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1");
    for (String ch : channels) {
      String p = "deliveries." + ch + ".";
      any.should(Query.of(q -> q.bool(b -> b
          .filter(f -> f.term(t -> t.field(p + "state").value(FieldValue.of(DeliveryState.PENDING))))
          .mustNot(m -> m.range(r -> r.untyped(u -> u.field(p + "nextAttemptAt").gt(JsonData.of(now.toString())))))
          .mustNot(m -> m.range(r -> r.untyped(u -> u.field(p + "leaseUntil").gt(JsonData.of(now.toString()))))))));
    }
    Query query = Query.of(q -> q.bool(any.build()));
    try {
      SearchResponse<ObjectNode> r = client.search(s -> s.index(index).size(limit).seqNoPrimaryTerm(true)
          .query(query)
          .sort(so -> so.field(f -> f.field("firedAt").order(SortOrder.Asc).unmappedType(FieldType.Date))),
          ObjectNode.class);
      List<PendingDelivery> out = new ArrayList<>();
      for (Hit<ObjectNode> hit : r.hits().hits()) {
        ObjectNode doc = hit.source();
        if (doc == null || hit.seqNo() == null || hit.primaryTerm() == null) {
          continue;
        }
        AlertMessage msg = AlertMessage.fromDocument(doc);
        for (String ch : channels) {
          JsonNode d = doc.path("deliveries").path(ch);
          if (d.isObject()) {
            DeliveryState st = DeliveryState.fromJson(d);
            if (st.dueAt(now)) {
              out.add(new PendingDelivery(hit.id(), ch, msg, st, hit.seqNo(), hit.primaryTerm()));
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + index, e);
    }
  }

  @Override
  public Optional<PendingDelivery> write(PendingDelivery d, DeliveryState next) {
    return conditionalWrite(d, next, current -> sameEntry(current, d.state()));
  }

  @Override
  public boolean complete(PendingDelivery leased, DeliveryState outcome) {
    return conditionalWrite(leased, outcome, current -> current != null
        && Objects.equals(current.owner(), leased.state().owner())
        && Objects.equals(current.leaseUntil(), leased.state().leaseUntil())
        && Objects.equals(current.idempotencyKey(), leased.state().idempotencyKey())).isPresent();
  }

  private Optional<PendingDelivery> conditionalWrite(PendingDelivery d, DeliveryState next,
      java.util.function.Predicate<DeliveryState> stillOurs) {
    long seqNo = d.seqNo();
    long term = d.primaryTerm();
    Map<String, Object> partial = Map.of("deliveries", Map.of(d.channel(), next.toMap()));
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      try {
        long s = seqNo;
        long t = term;
        UpdateResponse<ObjectNode> r = client.update(u -> u.index(index).id(d.alertId()).doc(partial)
            .ifSeqNo(s).ifPrimaryTerm(t), ObjectNode.class);
        return Optional.of(d.withState(next, r.seqNo(), r.primaryTerm()));
      } catch (ElasticsearchException e) {
        if (e.status() != 409) {
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the outbox " + index + " for alert " + d.alertId(), e);
      }
      try {
        GetResponse<ObjectNode> fresh = client.get(g -> g.index(index).id(d.alertId()), ObjectNode.class);
        if (!fresh.found() || fresh.source() == null || fresh.seqNo() == null) {
          return Optional.empty();
        }
        JsonNode entry = fresh.source().path("deliveries").path(d.channel());
        DeliveryState current = entry.isObject() ? DeliveryState.fromJson(entry) : null;
        if (!stillOurs.test(current)) {
          return Optional.empty();
        }
        seqNo = fresh.seqNo();
        term = fresh.primaryTerm();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot re-read alert " + d.alertId() + " from " + index, e);
      }
    }
    return Optional.empty();
  }

  private static boolean sameEntry(DeliveryState a, DeliveryState b) {
    return a != null && Objects.equals(a.state(), b.state()) && a.attempts() == b.attempts()
        && Objects.equals(a.idempotencyKey(), b.idempotencyKey()) && Objects.equals(a.leaseUntil(), b.leaseUntil())
        && Objects.equals(a.nextAttemptAt(), b.nextAttemptAt()) && Objects.equals(a.owner(), b.owner());
  }
}
