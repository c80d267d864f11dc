package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Pages through the alerts of an index that match a query, reading only their {@code deliveries} (with
 * {@code _seq_no}/{@code _primary_term}), oldest {@code firedAt} first, {@code search_after} from page to page. Used
 * by the outbox's scan for due deliveries and by the backfill of {@code pendingChannels}.
 */
final class AlertDeliveriesScan {
  static final int PAGE = 200;

  private AlertDeliveriesScan() {}

  /** What to do with one page; false stops the scan. */
  @FunctionalInterface
  interface PageHandler {
    boolean handle(List<Hit<ObjectNode>> hits) throws IOException;
  }

  /** Hands each page to {@code onPage} until it returns false or the last page has been handed over. */
  static void forEachPage(ElasticsearchClient client, String index, Query query,
      PageHandler onPage) throws IOException {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> searchAfter = after;
      List<Hit<ObjectNode>> hits = client.search(s -> {
        s.index(index).size(PAGE).query(query).seqNoPrimaryTerm(true)
            .source(src -> src.filter(f -> f.includes("deliveries")))
            .sort(so -> so.field(f -> f.field("firedAt").order(SortOrder.Asc).unmappedType(FieldType.Date)))
            .sort(so -> so.field(f -> f.field("alertId").order(SortOrder.Asc).unmappedType(FieldType.Keyword)))
            .ignoreUnavailable(true).allowNoIndices(true);
        if (searchAfter != null) {
          s.searchAfter(searchAfter);
        }
        return s;
      }, ObjectNode.class).hits().hits();
      if (!onPage.handle(hits) || hits.size() < PAGE) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }
}
