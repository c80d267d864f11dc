package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox in Elasticsearch: the {@code minsheng-alerts} documents themselves. The index template stores
 * {@code deliveries} without indexing it (its keys are channel names), so due deliveries are found by scanning the
 * {@code deliveries} of the unresolved alerts updated within {@code lookback}, then reading in full (real-time
 * multi-get) only the alerts with a delivery due.
 * Reads carry {@code _seq_no} /
 * {@code _primary_term}; every write is a partial update of {@code deliveries.<channel>} conditional on them
 * ({@code if_seq_no}/{@code if_primary_term}), so of two notifiers that read the same pending delivery only one
 * leases it. When a conditional write loses to a change elsewhere in the document (another channel's delivery, the
 * API acknowledging the alert), the document is re-read and the write retried only if this channel's entry is still
 * exactly what was read — so no one else has taken it.
 *
 * <p>A poll's leases and outcomes go in one bulk request each ({@link #writeAll}, {@link #completeAll}), one
 * conditional update per alert carrying all its channels' entries: a watermark that releases a hundred topic alerts
 * at once costs two round trips, not two hundred. An update that loses its condition falls back to the re-read path.
 */
public final class ElasticsearchOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchOutbox.class);
  private static final int MAX_RETRIES = 5;
  /** Indexed: the channels whose delivery is pending, kept by the job (new alert, escalation) and every write here. */
  static final String PENDING_CHANNELS = "pendingChannels";

  private final ElasticsearchClient client;
  private final String index;
  private final Duration lookback;

  /**
   * @param lookback only alerts whose {@code updatedAt} (event time of their latest window) is this recent are
   *     scanned for due deliveries
   */
  public ElasticsearchOutbox(ElasticsearchClient client, String index, Duration lookback) {
    this.client = client;
    this.index = index;
    this.lookback = lookback;
  }

  @Override
  public List<PendingDelivery> due(Instant now, Collection<String> channels, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    // deliveries is stored but not indexed (its keys are channel names): select recent unresolved alerts by indexed
    // fields and pick the due deliveries from _source, paging in firedAt order.
    List<FieldValue> ours = channels.stream().map(FieldValue::of).toList();
    Query query = Query.of(q -> q.bool(b -> b
        .filter(f -> f.range(r -> r.untyped(u -> u.field("updatedAt")
            .gte(JsonData.of(now.minus(lookback).toString())))))
        // only alerts with one of our channels still pending (older documents: PendingChannelsBackfill)
        .filter(f -> f.terms(t -> t.field(PENDING_CHANNELS).terms(v -> v.value(ours))))
        .mustNot(m -> m.term(t -> t.field("status").value(FieldValue.of("resolved"))))));
    // two phases: the scan reads only each alert's deliveries (small), the whole documents are read only for the alerts
    // with a delivery due — a poll every second over a day of alerts must not fetch every alert in full each time
    List<String> candidates = new ArrayList<>();
    try {
      AlertDeliveriesScan.forEachPage(client, index, query, hits -> {
        for (Hit<ObjectNode> hit : hits) {
          if (hit.source() != null && !dueDeliveries(hit.source(), now, channels).isEmpty()) {
            candidates.add(hit.id());
            if (candidates.size() >= limit) {
              return false;
            }
          }
        }
        return true;
      });
      List<PendingDelivery> out = new ArrayList<>();
      if (candidates.isEmpty()) {
        return out;
      }
      // real-time reads of the candidates, with the sequence numbers every later write is conditional on
      MgetResponse<ObjectNode> docs = client.mget(m -> m.index(index).ids(candidates), ObjectNode.class);
      for (MultiGetResponseItem<ObjectNode> item : docs.docs()) {
        if (item.isResult() && item.result().found()) {
          GetResult<ObjectNode> g = item.result();
          collect(g.id(), g.source(), g.seqNo(), g.primaryTerm(), now, channels, out);
        }
        if (out.size() >= limit) {
          break;
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + index, e);
    }
  }

  /** The channels of {@code doc} with a delivery due at {@code now}, and their states. */
  private static Map<String, DeliveryState> dueDeliveries(ObjectNode doc, Instant now, Collection<String> channels) {
    Map<String, DeliveryState> due = new LinkedHashMap<>();
    for (String ch : channels) {
      JsonNode d = doc.path("deliveries").path(ch);
      if (d.isObject()) {
        DeliveryState st = DeliveryState.fromJson(d);
        if (st.dueAt(now)) {
          due.put(ch, st);
        }
      }
    }
    return due;
  }

  private static void collect(String id, ObjectNode doc, Long seqNo, Long primaryTerm, Instant now,
      Collection<String> channels, List<PendingDelivery> out) {
    if (doc == null || seqNo == null || primaryTerm == null) {
      return;
    }
    Map<String, DeliveryState> due = dueDeliveries(doc, now, channels);
    if (!due.isEmpty()) {
      AlertMessage msg = AlertMessage.fromDocument(doc);
      List<String> pending = pendingChannels(doc);
      due.forEach((ch, st) -> out.add(new PendingDelivery(id, ch, msg, st, seqNo, primaryTerm, pending)));
    }
  }

  /** Every channel of {@code doc} whose delivery is pending (whether this notifier serves it or not). */
  static List<String> pendingChannels(JsonNode doc) {
    List<String> pending = new ArrayList<>();
    doc.path("deliveries").fields().forEachRemaining(e -> {
      if (DeliveryState.PENDING.equals(e.getValue().path("state").asText())) {
        pending.add(e.getKey());
      }
    });
    return pending;
  }

  /** The partial update: the written channel entries and, when known, the pending channels that result. */
  private static Map<String, Object> partial(Map<String, DeliveryState> written, List<String> pendingAfter) {
    Map<String, Object> entries = new LinkedHashMap<>();
    written.forEach((ch, st) -> entries.put(ch, st.toMap()));
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("deliveries", entries);
    if (pendingAfter != null) {
      partial.put(PENDING_CHANNELS, pendingAfter);
    }
    return partial;
  }

  /** Changes written by one conditional update: their indexes, their entries, the pending channels after them. */
  private record Group(List<Integer> members, Map<String, DeliveryState> written, List<String> pendingAfter) {
    static Group of(List<Change> changes, List<Integer> members) {
      Map<String, DeliveryState> written = new LinkedHashMap<>();
      for (int i : members) {
        written.put(changes.get(i).delivery().channel(), changes.get(i).next());
      }
      List<String> before = changes.get(members.get(0)).delivery().pendingChannels();
      return new Group(members, written, before == null ? null : PendingDelivery.pendingAfter(before, written));
    }
  }

  @Override
  public Optional<PendingDelivery> write(PendingDelivery d, DeliveryState next) {
    return conditionalWrite(d, next, current -> sameEntry(current, d.state()));
  }

  @Override
  public boolean complete(PendingDelivery leased, DeliveryState outcome) {
    return conditionalWrite(leased, outcome, stillLeased(leased)).isPresent();
  }

  @Override
  public List<Optional<PendingDelivery>> writeAll(List<Change> changes) {
    return bulkWrite(changes, d -> current -> sameEntry(current, d.state()));
  }

  @Override
  public List<Boolean> completeAll(List<Change> outcomes) {
    return bulkWrite(outcomes, ElasticsearchOutbox::stillLeased).stream().map(Optional::isPresent).toList();
  }

  private static Predicate<DeliveryState> stillLeased(PendingDelivery leased) {
    return current -> current != null
        && Objects.equals(current.owner(), leased.state().owner())
        && Objects.equals(current.leaseUntil(), leased.state().leaseUntil())
        && Objects.equals(current.idempotencyKey(), leased.state().idempotencyKey());
  }

  /**
   * One bulk request: per alert version read, one update conditional on it with every channel entry of that alert.
   * Items that fail (a conflict, or anything else) are retried one by one through {@link #conditionalWrite}.
   */
  private List<Optional<PendingDelivery>> bulkWrite(List<Change> changes,
      java.util.function.Function<PendingDelivery, Predicate<DeliveryState>> stillOurs) {
    List<Optional<PendingDelivery>> results = new ArrayList<>(java.util.Collections.nCopies(changes.size(),
        Optional.empty()));
    if (changes.isEmpty()) {
      return results;
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      PendingDelivery d = changes.get(i).delivery();
      String key = d.alertId() + '\u0000' + d.seqNo() + '\u0000' + d.primaryTerm();
      List<Integer> group = groups.computeIfAbsent(key, k -> new ArrayList<>());
      if (group.stream().anyMatch(j -> changes.get(j).delivery().channel().equals(d.channel()))) {
        groups.computeIfAbsent(key + '\u0000' + i, k -> new ArrayList<>()).add(i); // same entry twice: own update
      } else {
        group.add(i);
      }
    }
    List<Group> ordered = groups.values().stream().map(members -> Group.of(changes, members)).toList();
    List<BulkOperation> ops = new ArrayList<>(ordered.size());
    for (Group group : ordered) {
      PendingDelivery first = changes.get(group.members().get(0)).delivery();
      Map<String, Object> partial = partial(group.written(), group.pendingAfter());
      ops.add(BulkOperation.of(op -> op.update(u -> u.index(index).id(first.alertId())
          .ifSeqNo(first.seqNo()).ifPrimaryTerm(first.primaryTerm()).action(a -> a.doc(partial)))));
    }
    BulkResponse response;
    try {
      response = client.bulk(b -> b.operations(ops));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the outbox " + index + " (" + changes.size() + " deliveries)", e);
    }
    for (int g = 0; g < ordered.size(); g++) {
      BulkResponseItem item = response.items().get(g);
      for (int i : ordered.get(g).members()) {
        Change c = changes.get(i);
        if (item.error() == null && item.seqNo() != null && item.primaryTerm() != null) {
          results.set(i, Optional.of(c.delivery().withState(c.next(), item.seqNo(), item.primaryTerm(),
              ordered.get(g).pendingAfter())));
        } else {
          results.set(i, retryAlone(c, item, stillOurs.apply(c.delivery())));
        }
      }
    }
    return results;
  }

  private Optional<PendingDelivery> retryAlone(Change c, BulkResponseItem item, Predicate<DeliveryState> stillOurs) {
    if (item.status() == 404) {
      LOG.warn("alert {} is gone from {}: its {} delivery is dropped", c.delivery().alertId(), index,
          c.delivery().channel());
      return Optional.empty();
    }
    try {
      return conditionalWrite(c.delivery(), c.next(), stillOurs);
    } catch (RuntimeException e) {
      LOG.warn("alert {} on {}: write to {} failed ({} in the bulk, then {}); it is retried on a later poll",
          c.delivery().alertId(), c.delivery().channel(), index, item.error() == null ? item.status()
              : item.error().reason(), e.toString());
      return Optional.empty();
    }
  }

  private Optional<PendingDelivery> conditionalWrite(PendingDelivery d, DeliveryState next,
      Predicate<DeliveryState> stillOurs) {
    long seqNo = d.seqNo();
    long term = d.primaryTerm();
    List<String> pendingBefore = d.pendingChannels();
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      try {
        long s = seqNo;
        long t = term;
        List<String> pendingAfter = pendingBefore == null ? null
            : PendingDelivery.pendingAfter(pendingBefore, Map.of(d.channel(), next));
        Map<String, Object> partial = partial(Map.of(d.channel(), next), pendingAfter);
        UpdateResponse<ObjectNode> r = client.update(u -> u.index(index).id(d.alertId()).doc(partial)
            .ifSeqNo(s).ifPrimaryTerm(t), ObjectNode.class);
        return Optional.of(d.withState(next, r.seqNo(), r.primaryTerm(), pendingAfter));
      } catch (ElasticsearchException | IOException e) {
        if (!isConflict(e)) {
          throw e instanceof IOException io
              ? new UncheckedIOException("cannot write the outbox " + index + " for alert " + d.alertId(), io)
              : (ElasticsearchException) e;
        }
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
        pendingBefore = pendingChannels(fresh.source());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot re-read alert " + d.alertId() + " from " + index, e);
      }
    }
    return Optional.empty();
  }

  /** A version conflict, whichever way the client reports it (typed error, transport error, low-level response). */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException ee && ee.status() == 409) {
        return true;
      }
      if (t instanceof co.elastic.clients.transport.TransportException te && te.statusCode() == 409) {
        return true;
      }
      if (t instanceof org.elasticsearch.client.ResponseException re
          && re.getResponse().getStatusLine().getStatusCode() == 409) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameEntry(DeliveryState a, DeliveryState b) {
    return a != null && Objects.equals(a.state(), b.state()) && a.attempts() == b.attempts()
        && Objects.equals(a.idempotencyKey(), b.idempotencyKey()) && Objects.equals(a.leaseUntil(), b.leaseUntil())
        && Objects.equals(a.nextAttemptAt(), b.nextAttemptAt()) && Objects.equals(a.owner(), b.owner());
  }
}
