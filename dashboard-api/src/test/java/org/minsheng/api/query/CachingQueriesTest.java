package org.minsheng.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The caching decorators send identical requests to the delegate once per TTL and pass different ones through. */
class CachingQueriesTest {
  final AtomicLong now = new AtomicLong();
  final TimeWindow window = new TimeWindow(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"));

  <K, V> QueryCache<K, V> cache() {
    return new QueryCache<>(Duration.ofSeconds(5), 100, now::get);
  }

  @Test
  void trends() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TrendQuery cached = new CachingTrendQuery(r -> List.of(new TrendSeries("", calls.incrementAndGet(), List.of())),
        cache());
    TrendRequest r = new TrendRequest(PostFilter.of(window), Interval.H1, ZoneId.of("Asia/Shanghai"), List.of());
    assertThat(cached.trends(r).get(0).total()).isEqualTo(1);
    assertThat(cached.trends(r).get(0).total()).isEqualTo(1);
    assertThat(cached.trends(new TrendRequest(PostFilter.of(window), Interval.H3, r.zone(), List.of())).get(0).total())
        .isEqualTo(2);
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(cached.trends(r).get(0).total()).isEqualTo(3);
  }

  @Test
  void hotTopicsAreCachedButTopicDetailIsNot() throws Exception {
    AtomicInteger hot = new AtomicInteger();
    AtomicInteger detail = new AtomicInteger();
    TopicQuery delegate = new TopicQuery() {
      @Override
      public List<ObjectNode> hot(HotTopicFilter filter) {
        return List.of(JsonNodeFactory.instance.objectNode().put("n", hot.incrementAndGet()));
      }

      @Override
      public Optional<TopicDetail> detail(String topicId) {
        detail.incrementAndGet();
        return Optional.empty();
      }
    };
    TopicQuery cached = new CachingTopicQuery(delegate, cache());
    HotTopicFilter f = new HotTopicFilter(window, Optional.empty(), Optional.empty(), Optional.of("广东"),
        Optional.empty(), 20);
    cached.hot(f);
    assertThat(cached.hot(new HotTopicFilter(window, Optional.empty(), Optional.empty(), Optional.of("广东"),
        Optional.empty(), 20)).get(0).get("n").asInt()).isEqualTo(1);
    cached.detail("t1");
    cached.detail("t1");
    assertThat(hot.get()).isEqualTo(1);
    assertThat(detail.get()).isEqualTo(2);
  }

  @Test
  void regions() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RegionQuery cached = new CachingRegionQuery(f -> List.of(new RegionCount("广东", calls.incrementAndGet(), 0, 0, 0)),
        cache());
    cached.regions(PostFilter.of(window));
    assertThat(cached.regions(PostFilter.of(window)).get(0).volume()).isEqualTo(1);
    assertThat(cached.regions(PostFilter.of(new TimeWindow(window.from(), window.to().plusSeconds(60)))).get(0)
        .volume()).isEqualTo(2);
  }
}
