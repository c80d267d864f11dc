package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills {@code pendingChannels} into alerts that job versions before the field wrote, so that the outbox's scan,
 * which selects alerts by it, finds their pending deliveries. Run once when a notifier starts.
 */
public final class PendingChannelsBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(PendingChannelsBackfill.class);
  private static final int PAGE = 200;

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
    long adopted = 0;
    List<FieldValue> after = null;
    try {
      while (true) {
        List<FieldValue> searchAfter = after;
        SearchResponse<ObjectNode> r = client.search(s -> {
          s.index(index).size(PAGE).query(older).seqNoPrimaryTerm(true)
              .source(src -> src.filter(f -> f.includes("deliveries")))
              .sort(so -> so.field(f -> f.field("alertId").order(SortOrder.Asc).unmappedType(FieldType.Keyword)))
              .ignoreUnavailable(true).allowNoIndices(true);
          if (searchAfter != null) {
            s.searchAfter(searchAfter);
          }
          return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = r.hits().hits();
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
          adopted += client.bulk(b -> b.operations(ops)).items().stream().filter(i -> i.error() == null).count();
        }
        if (hits.size() < PAGE) {
          break;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update older alerts in " + index, e);
    }
    if (adopted > 0) {
      LOG.info("{} alerts in {} written before pendingChannels existed now carry it", adopted, index);
    }
    return adopted;
  }

}
