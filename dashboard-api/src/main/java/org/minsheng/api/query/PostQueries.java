package org.minsheng.api.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@link PostFilter} and {@link KeywordExpression} values into typed Elasticsearch queries. User text only
 * ever becomes a field value of a typed query object, never part of query source text.
 */
public final class PostQueries {
  public static final String PUBLISHED_AT = "publishedAt";

  private PostQueries() {
  }

  /** Everything in {@code filter} except the keyword expression, as filter clauses. */
  public static List<Query> filterClauses(PostFilter filter) {
    List<Query> clauses = new ArrayList<>();
    clauses.add(range(PUBLISHED_AT, filter.window()));
    term("topicId", filter.topicId()).ifPresent(clauses::add);
    term("site", filter.site()).ifPresent(clauses::add);
    term("platform", filter.platform()).ifPresent(clauses::add);
    term("region", filter.region()).ifPresent(clauses::add);
    term("sentiment", filter.sentiment()).ifPresent(clauses::add);
    return clauses;
  }

  /** The whole filter including keywords, as one bool query. */
  public static Query postQuery(PostFilter filter) {
    BoolQuery.Builder bool = new BoolQuery.Builder().filter(filterClauses(filter));
    filter.keywords().filter(k -> !k.isEmpty()).ifPresent(k -> bool.filter(keywords(k)));
    return Query.of(q -> q.bool(bool.build()));
  }

  /** {@code [from, to)} on {@code field}, in epoch milliseconds. */
  public static Query range(String field, TimeWindow window) {
    return Query.of(q -> q.range(r -> r.untyped(u -> u.field(field)
        .gte(JsonData.of(window.from().toEpochMilli()))
        .lt(JsonData.of(window.to().toEpochMilli()))
        .format("epoch_millis"))));
  }

  public static Optional<Query> term(String field, Optional<String> value) {
    return value.map(v -> Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(v)))));
  }

  /** Exact substring of title or text for every required group, none of the excluded values. */
  public static Query keywords(KeywordExpression expression) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    for (List<String> group : expression.required()) {
      List<Query> alternatives = group.stream().map(PostQueries::phrase).toList();
      bool.filter(f -> f.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }
    for (String excluded : expression.excluded()) {
      bool.mustNot(phrase(excluded));
    }
    return Query.of(q -> q.bool(bool.build()));
  }

  /** {@code value} as an exact substring of title or text (both use the standard analyser: one token per Han char). */
  public static Query phrase(String value) {
    return Query.of(q -> q.bool(b -> b
        .should(s -> s.matchPhrase(m -> m.field("title").query(value)))
        .should(s -> s.matchPhrase(m -> m.field("text").query(value)))
        .minimumShouldMatch("1")));
  }
}
