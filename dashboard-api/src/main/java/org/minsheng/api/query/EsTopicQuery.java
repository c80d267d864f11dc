package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link TopicQuery} over {@code minsheng-topics} and {@code minsheng-posts}. */
public final class EsTopicQuery implements TopicQuery {
  private static final int TREE_LIMIT = 500;
  private static final int TIMELINE_BUCKETS = 60;
  private final ElasticsearchClient client;
  private final String topicsIndex;
  private final String postsIndex;

  public EsTopicQuery(ElasticsearchClient client, String topicsIndex, String postsIndex) {
    this.client = client;
    this.topicsIndex = topicsIndex;
    this.postsIndex = postsIndex;
  }

  @Override
  public List<ObjectNode> hot(HotTopicFilter f) throws IOException {
    List<Query> clauses = new ArrayList<>();
    clauses.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("lastSeen")
        .gte(JsonData.of(f.window().from().toEpochMilli())).format("epoch_millis")))));
    clauses.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("firstSeen")
        .lt(JsonData.of(f.window().to().toEpochMilli())).format("epoch_millis")))));
    PostQueries.term("sites", f.site()).ifPresent(clauses::add);
    PostQueries.term("regions", f.region()).ifPresent(clauses::add);
    PostQueries.term("lifecycle", f.lifecycle()).ifPresent(clauses::add);
    f.q().ifPresent(text -> clauses.add(Query.of(q -> q.bool(b -> b
        .should(s -> s.term(t -> t.field("keywords").value(FieldValue.of(text))))
        .should(s -> s.matchPhrase(m -> m.field("title").query(text)))
        .minimumShouldMatch("1")))));
    SearchResponse<ObjectNode> r = client.search(s -> s.index(topicsIndex).ignoreUnavailable(true)
        .allowNoIndices(true).size(f.limit())
        .query(q -> q.bool(b -> b.filter(clauses).mustNot(m -> m.exists(e -> e.field("mergedInto")))))
        .sort(o -> o.field(x -> x.field("heat").order(SortOrder.Desc).unmappedType(FieldType.Float)))
        .sort(o -> o.field(x -> x.field("lastSeen").order(SortOrder.Desc).unmappedType(FieldType.Date))),
        ObjectNode.class);
    return r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
  }

  @Override
  public Optional<TopicDetail> detail(String topicId) throws IOException {
    SearchResponse<ObjectNode> t = client.search(s -> s.index(topicsIndex).ignoreUnavailable(true)
        .allowNoIndices(true).size(1).query(q -> q.ids(i -> i.values(topicId))), ObjectNode.class);
    if (t.hits().hits().isEmpty() || t.hits().hits().get(0).source() == null) {
      return Optional.empty();
    }
    ObjectNode topic = t.hits().hits().get(0).source();
    Query inTopic = Query.of(q -> q.term(x -> x.field("topicId").value(FieldValue.of(topicId))));
    Interval interval = timelineInterval(inTopic);
    SearchResponse<ObjectNode> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true)
        .allowNoIndices(true).size(0).trackTotalHits(x -> x.enabled(true)).query(inTopic)
        .aggregations("timeline", a -> a.dateHistogram(h -> h.field(PostQueries.PUBLISHED_AT)
                .fixedInterval(w -> w.time(interval.code())).minDocCount(0))
            .aggregations("sentiment", x -> x.terms(y -> y.field("sentiment").size(3)))
            .aggregations("score", x -> x.avg(y -> y.field("sentimentScore"))))
        .aggregations("sites", a -> a.terms(x -> x.field("site").size(30))
            .aggregations("first", y -> y.min(m -> m.field(PostQueries.PUBLISHED_AT))))
        .aggregations("regions", a -> a.terms(x -> x.field("region").size(40)))
        .aggregations("sentiment", a -> a.terms(x -> x.field("sentiment").size(3)))
        .aggregations("emotion", a -> a.terms(x -> x.field("emotion").size(10)))
        .aggregations("keywords", a -> a.terms(x -> x.field("keywords").size(40)))
        .aggregations("amplifiers", a -> a.terms(x -> x.field("author.name").size(10)
                .order(co.elastic.clients.util.NamedValue.of("reposts", SortOrder.Desc)))
            .aggregations("reposts", y -> y.sum(m -> m.field("metrics.reposts")))
            .aggregations("followers", y -> y.max(m -> m.field("author.followers")))
            .aggregations("verified", y -> y.max(m -> m.field("author.verified")))), ObjectNode.class);
    long postCount = r.hits().total() == null ? 0 : r.hits().total().value();
    Map<String, Aggregate> aggs = r.aggregations();
    if (aggs.isEmpty()) { // the posts index does not exist yet
      return Optional.of(new TopicDetail(topic, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          null, List.of(), List.of(), List.of()));
    }

    List<TrendBucket> timeline = new ArrayList<>();
    for (DateHistogramBucket b : aggs.get("timeline").dateHistogram().buckets().array()) {
      long[] mix = mix(b.aggregations().get("sentiment"));
      Double mean = b.aggregations().get("score").avg().value();
      timeline.add(new TrendBucket(Instant.ofEpochMilli(b.key()), b.docCount(), mix[0], mix[1], mix[2],
          mean == null || mean.isNaN() || b.docCount() == 0 ? null : mean));
    }
    List<TopicDetail.SiteSpread> spread = new ArrayList<>();
    for (StringTermsBucket b : aggs.get("sites").sterms().buckets().array()) {
      Double first = b.aggregations().get("first").min().value();
      spread.add(new TopicDetail.SiteSpread(b.key().stringValue(), b.docCount(),
          first == null || first.isNaN() || first.isInfinite() ? null : Instant.ofEpochMilli(first.longValue())));
    }
    spread.sort(Comparator.comparing(TopicDetail.SiteSpread::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
    List<TopicDetail.Amplifier> amplifiers = new ArrayList<>();
    for (StringTermsBucket b : aggs.get("amplifiers").sterms().buckets().array()) {
      Map<String, Aggregate> a = b.aggregations();
      amplifiers.add(new TopicDetail.Amplifier(b.key().stringValue(), b.docCount(), (long) a.get("reposts").sum().value(),
          num(a.get("followers").max().value()), num(a.get("verified").max().value()) > 0));
    }
    List<TopicDetail.Count> keywords = counts(aggs.get("keywords"));
    return Optional.of(new TopicDetail(topic, postCount, timeline, spread, counts(aggs.get("regions")),
        counts(aggs.get("sentiment")), counts(aggs.get("emotion")), keywords, firstPost(inTopic),
        representative(inTopic), repostTree(inTopic), amplifiers));
  }

  /**
   * The narrowest interval giving at most {@value #TIMELINE_BUCKETS} buckets over the topic's posts
   * ({@code auto_date_histogram} is not in the minimal distribution, so the span is measured first).
   */
  private Interval timelineInterval(Query inTopic) throws IOException {
    SearchResponse<Void> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(0).query(inTopic)
        .aggregations("first", a -> a.min(m -> m.field(PostQueries.PUBLISHED_AT)))
        .aggregations("last", a -> a.max(m -> m.field(PostQueries.PUBLISHED_AT))), Void.class);
    if (r.aggregations().isEmpty()) {
      return Interval.H1;
    }
    Double first = r.aggregations().get("first").min().value();
    Double last = r.aggregations().get("last").max().value();
    long span = first == null || last == null || first.isInfinite() || last.isInfinite() ? 0
        : (long) (last - first);
    for (Interval i : Interval.values()) {
      if (span / i.width().toMillis() < TIMELINE_BUCKETS) {
        return i;
      }
    }
    return Interval.D1;
  }

  private ObjectNode firstPost(Query inTopic) throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(1).query(inTopic).source(x -> x.filter(f -> f.excludes("content", "tokens")))
        .sort(o -> o.field(f -> f.field(PostQueries.PUBLISHED_AT).order(SortOrder.Asc))), ObjectNode.class);
    return r.hits().hits().isEmpty() ? null : r.hits().hits().get(0).source();
  }

  private List<ObjectNode> representative(Query inTopic) throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(5).query(q -> q.bool(b -> b.filter(inTopic).mustNot(m -> m.exists(e -> e.field("duplicateOf")))))
        .source(x -> x.filter(f -> f.excludes("content", "tokens")))
        .sort(o -> o.field(f -> f.field("metrics.reposts").order(SortOrder.Desc).unmappedType(FieldType.Long)))
        .sort(o -> o.field(f -> f.field("metrics.comments").order(SortOrder.Desc).unmappedType(FieldType.Long))),
        ObjectNode.class);
    return r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
  }

  /** Posts with a parent, plus the parents they point to, as a flat list the page turns into a tree. */
  private List<TopicDetail.TreeNode> repostTree(Query inTopic) throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true)
        .size(TREE_LIMIT).query(inTopic)
        .source(x -> x.filter(f -> f.includes("id", "parentId", "author", "site", "title", "url", "publishedAt",
            "metrics")))
        .sort(o -> o.field(f -> f.field(PostQueries.PUBLISHED_AT).order(SortOrder.Asc))), ObjectNode.class);
    List<ObjectNode> posts = r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    Set<String> parents = new HashSet<>();
    posts.forEach(p -> {
      if (p.hasNonNull("parentId")) {
        parents.add(p.get("parentId").asText());
      }
    });
    List<TopicDetail.TreeNode> nodes = new ArrayList<>();
    for (ObjectNode p : posts) {
      String id = p.path("id").asText();
      if (!p.hasNonNull("parentId") && !parents.contains(id)) {
        continue;
      }
      String published = p.path("publishedAt").asText(null);
      nodes.add(new TopicDetail.TreeNode(id, p.hasNonNull("parentId") ? p.get("parentId").asText() : null,
          p.path("author").path("name").asText(""), p.path("author").path("followers").asLong(0),
          p.path("site").asText(""), p.path("title").asText(""), p.path("url").asText(""),
          Dates.parse(published), p.path("metrics").path("reposts").asLong(0)));
    }
    return nodes;
  }

  static long[] mix(Aggregate terms) {
    long[] mix = new long[3];
    for (StringTermsBucket t : terms.sterms().buckets().array()) {
      switch (t.key().stringValue()) {
        case "negative" -> mix[0] = t.docCount();
        case "neutral" -> mix[1] = t.docCount();
        case "positive" -> mix[2] = t.docCount();
        default -> { } // not in the contract: only counted in the volume
      }
    }
    return mix;
  }

  static List<TopicDetail.Count> counts(Aggregate terms) {
    return terms.sterms().buckets().array().stream()
        .map(b -> new TopicDetail.Count(b.key().stringValue(), b.docCount())).toList();
  }

  private static long num(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? 0 : v.longValue();
  }
}
