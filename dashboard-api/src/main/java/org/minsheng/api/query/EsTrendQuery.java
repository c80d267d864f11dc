package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Buckets;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trend series in one search: a {@code filters} aggregation with one bucket per compared keyword expression, each
 * holding a {@code date_histogram} over {@code publishedAt} (empty buckets included via extended bounds) with a
 * {@code terms} on {@code sentiment} and an {@code avg} of {@code sentimentScore}.
 */
public final class EsTrendQuery implements TrendQuery {
  private final ElasticsearchClient client;
  private final String postsIndex;

  public EsTrendQuery(ElasticsearchClient client, String postsIndex) {
    this.client = client;
    this.postsIndex = postsIndex;
  }

  @Override
  public List<TrendSeries> trends(TrendRequest request) throws IOException {
    List<KeywordExpression> compare = request.compare().isEmpty()
        ? List.of(new KeywordExpression("", List.of(), List.of()))
        : request.compare();
    Map<String, Query> keyed = new LinkedHashMap<>();
    for (int i = 0; i < compare.size(); i++) {
      KeywordExpression k = compare.get(i);
      keyed.put("s" + i, k.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : PostQueries.keywords(k));
    }
    TimeWindow window = request.filter().window();
    Aggregation histogram = Aggregation.of(a -> a
        .dateHistogram(h -> h.field(PostQueries.PUBLISHED_AT)
            .fixedInterval(t -> t.time(request.interval().code()))
            .timeZone(request.zone().getId())
            .minDocCount(0)
            .extendedBounds(e -> e
                .min(FieldDateMath.of(m -> m.value((double) window.from().toEpochMilli())))
                .max(FieldDateMath.of(m -> m.value((double) window.to().toEpochMilli() - 1)))))
        .aggregations("sentiment", s -> s.terms(t -> t.field("sentiment").size(3)))
        .aggregations("score", s -> s.avg(v -> v.field("sentimentScore"))));
    SearchResponse<Void> response = client.search(s -> s
        .index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(0).requestCache(true)
        .trackTotalHits(t -> t.enabled(false))
        .query(q -> q.bool(b -> b.filter(PostQueries.filterClauses(request.filter()))))
        .aggregations("series", a -> a
            .filters(f -> f.filters(Buckets.of(b -> b.keyed(keyed))))
            .aggregations("histogram", histogram)), Void.class);
    List<TrendSeries> series = new ArrayList<>();
    if (response.aggregations().isEmpty()) { // no posts index yet: empty series
      compare.forEach(k -> series.add(new TrendSeries(k.source(), 0, List.of())));
      return series;
    }
    Map<String, FiltersBucket> buckets = response.aggregations().get("series").filters().buckets().keyed();
    for (int i = 0; i < compare.size(); i++) {
      FiltersBucket bucket = buckets.get("s" + i);
      series.add(new TrendSeries(compare.get(i).source(), bucket.docCount(), histogram(bucket)));
    }
    return series;
  }

  private static List<TrendBucket> histogram(FiltersBucket bucket) {
    List<TrendBucket> out = new ArrayList<>();
    for (DateHistogramBucket b : bucket.aggregations().get("histogram").dateHistogram().buckets().array()) {
      long negative = 0;
      long neutral = 0;
      long positive = 0;
      for (StringTermsBucket t : b.aggregations().get("sentiment").sterms().buckets().array()) {
        switch (t.key().stringValue()) {
          case "negative" -> negative = t.docCount();
          case "neutral" -> neutral = t.docCount();
          case "positive" -> positive = t.docCount();
          default -> { } // other labels are not part of the contract; counted in volume only
        }
      }
      Aggregate score = b.aggregations().get("score");
      Double mean = score.avg().value();
      if (mean != null && (mean.isNaN() || b.docCount() == 0)) {
        mean = null;
      }
      out.add(new TrendBucket(Instant.ofEpochMilli(b.key()), b.docCount(), negative, neutral, positive, mean));
    }
    return out;
  }
}
