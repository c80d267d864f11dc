package org.minsheng.api.query;

import java.io.IOException;
import java.util.List;

/** {@link TrendQuery} answered from a {@link QueryCache} keyed by the whole (normalised) {@link TrendRequest}. */
public final class CachingTrendQuery implements TrendQuery {
  private final TrendQuery delegate;
  private final QueryCache<TrendRequest, List<TrendSeries>> cache;

  public CachingTrendQuery(TrendQuery delegate, QueryCache<TrendRequest, List<TrendSeries>> cache) {
    this.delegate = delegate;
    this.cache = cache;
  }

  @Override
  public List<TrendSeries> trends(TrendRequest request) throws IOException {
    return cache.get(request, r -> List.copyOf(delegate.trends(r)));
  }
}
