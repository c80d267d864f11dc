package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** All source documents, by name (there are tens to hundreds of sources, not millions). */
public final class EsSourceQuery implements SourceQuery {
  private static final int MAX_SOURCES = 1000;
  private final ElasticsearchClient client;
  private final String index;

  public EsSourceQuery(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public List<ObjectNode> sources() throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
        .size(MAX_SOURCES).query(q -> q.matchAll(m -> m))
        .sort(o -> o.field(f -> f.field("source").order(SortOrder.Asc).unmappedType(FieldType.Keyword))),
        ObjectNode.class);
    return EsAlertStore.sources(r);
  }
}
