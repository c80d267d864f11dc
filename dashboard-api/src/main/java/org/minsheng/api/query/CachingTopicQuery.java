package org.minsheng.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link TopicQuery} whose hot list comes from a {@link QueryCache} keyed by the {@link HotTopicFilter}; topic detail
 * is not cached (one topic, opened rarely, wants the newest posts). The cached topic documents are shared: callers
 * must not modify them (the handlers only serialise them).
 */
public final class CachingTopicQuery implements TopicQuery {
  private final TopicQuery delegate;
  private final QueryCache<HotTopicFilter, List<ObjectNode>> cache;

  public CachingTopicQuery(TopicQuery delegate, QueryCache<HotTopicFilter, List<ObjectNode>> cache) {
    this.delegate = delegate;
    this.cache = cache;
  }

  @Override
  public List<ObjectNode> hot(HotTopicFilter filter) throws IOException {
    return cache.get(filter, f -> List.copyOf(delegate.hot(f)));
  }

  @Override
  public Optional<TopicDetail> detail(String topicId) throws IOException {
    return delegate.detail(topicId);
  }
}
