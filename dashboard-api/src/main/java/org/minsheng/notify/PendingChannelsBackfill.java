package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills {@code pendingChannels} into alerts that job versions before the field wrote, so that the outbox's scan,
 * which selects alerts by it, finds their pending deliveries. Run once when a notifier starts.
 */
public final class PendingChannelsBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(PendingChannelsBackfill.class);

  private final ElasticsearchClient client;
  private final String index;

  public PendingChannelsBackfill(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * Gives alerts written before {@code pendingChannels} existed (job versions of 2026-11-21 and older) the field, from
   * their {@code deliveries}, so the scan finds their pending deliveries (a client-side scan and conditional bulk
   * updates: the bundled node has no scripting). Alerts with nothing pending are left as they are (nothing to find).
   * Idempotent; run once when a notifier starts.
   *
   * @return how many alerts were given the field
   */
  public long run() {
    Query older = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(
        ElasticsearchOutbox.PENDING_CHANNELS)))));
    AtomicLong adopted = new AtomicLong();
    try {
      AlertDeliveriesScan.forEachPage(client, index, older, hits -> {
        List<BulkOperation> ops = new ArrayList<>();
        for (Hit<ObjectNode> hit : hits) {
          List<String> pending = hit.source() == null ? List.of() : ElasticsearchOutbox.pendingChannels(hit.source());
          if (!pending.isEmpty() && hit.seqNo() != null && hit.primaryTerm() != null) {
            Map<String, Object> doc = Map.of(ElasticsearchOutbox.PENDING_CHANNELS, pending);
            ops.add(BulkOperation.of(op -> op.update(u -> u.index(index).id(hit.id()).ifSeqNo(hit.seqNo())
                .ifPrimaryTerm(hit.primaryTerm()).action(a -> a.doc(doc)))));
          }
        }
        if (!ops.isEmpty()) {
          // a conflict: the alert changed meanwhile (an escalation writes the field itself); else the next start
          adopted.addAndGet(client.bulk(b -> b.operations(ops)).items().stream().filter(i -> i.error() == null)
              .count());
        }
        return true;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update older alerts in " + index, e);
    }
    if (adopted.get() > 0) {
      LOG.info("{} alerts in {} written before pendingChannels existed now carry it", adopted.get(), index);
    }
    return adopted.get();
  }

}
