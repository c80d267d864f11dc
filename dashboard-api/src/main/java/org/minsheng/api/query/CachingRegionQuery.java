package org.minsheng.api.query;

import java.io.IOException;
import java.util.List;

/** {@link RegionQuery} answered from a {@link QueryCache} keyed by the {@link PostFilter}. */
public final class CachingRegionQuery implements RegionQuery {
  private final RegionQuery delegate;
  private final QueryCache<PostFilter, List<RegionCount>> cache;

  public CachingRegionQuery(RegionQuery delegate, QueryCache<PostFilter, List<RegionCount>> cache) {
    this.delegate = delegate;
    this.cache = cache;
  }

  @Override
  public List<RegionCount> regions(PostFilter filter) throws IOException {
    return cache.get(filter, f -> List.copyOf(delegate.regions(f)));
  }
}
