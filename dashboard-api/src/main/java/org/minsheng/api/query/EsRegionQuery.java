package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@code terms} aggregation on {@code region} with the sentiment mix of each. */
public final class EsRegionQuery implements RegionQuery {
  private final ElasticsearchClient client;
  private final String postsIndex;

  public EsRegionQuery(ElasticsearchClient client, String postsIndex) {
    this.client = client;
    this.postsIndex = postsIndex;
  }

  @Override
  public List<RegionCount> regions(PostFilter filter) throws IOException {
    SearchResponse<Void> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(0).requestCache(true).query(PostQueries.postQuery(filter))
        .aggregations("regions", a -> a.terms(t -> t.field("region").size(60))
            .aggregations("sentiment", x -> x.terms(t -> t.field("sentiment").size(3)))), Void.class);
    List<RegionCount> out = new ArrayList<>();
    if (r.aggregations().isEmpty()) {
      return out;
    }
    for (StringTermsBucket b : r.aggregations().get("regions").sterms().buckets().array()) {
      long[] mix = EsTopicQuery.mix(b.aggregations().get("sentiment"));
      out.add(new RegionCount(b.key().stringValue(), b.docCount(), mix[0], mix[1], mix[2]));
    }
    return out;
  }
}
