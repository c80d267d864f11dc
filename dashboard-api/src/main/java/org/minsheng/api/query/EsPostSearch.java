package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Search over the stored HanLP tokens ({@code content}, whitespace analyser) and, so that a word HanLP split
 * differently still matches, exact substrings of title and text. Every word of the expression must match one of the
 * three; highlights come from title and text with HTML-escaped fragments.
 */
public final class EsPostSearch implements PostSearch {
  private final ElasticsearchClient client;
  private final String postsIndex;

  public EsPostSearch(ElasticsearchClient client, String postsIndex) {
    this.client = client;
    this.postsIndex = postsIndex;
  }

  static Query textQuery(KeywordExpression expression) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    for (List<String> group : expression.required()) {
      List<Query> alternatives = new ArrayList<>();
      for (String word : group) {
        alternatives.add(Query.of(q -> q.term(t -> t.field("content").value(FieldValue.of(word)).boost(2f))));
        alternatives.add(PostQueries.phrase(word));
      }
      bool.must(m -> m.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }
    for (String excluded : expression.excluded()) {
      bool.mustNot(Query.of(q -> q.term(t -> t.field("content").value(FieldValue.of(excluded)))));
      bool.mustNot(PostQueries.phrase(excluded));
    }
    return Query.of(q -> q.bool(bool.build()));
  }

  /** The standard analyser marks each Han character apart: join adjacent marks so a word reads as one. */
  static List<String> merged(List<String> fragments) {
    return fragments.stream().map(f -> f.replace("</mark><mark>", "")).toList();
  }

  @Override
  public ResultPage<SearchHit> search(SearchRequest request) throws IOException {
    PostFilter filter = request.filter();
    BoolQuery.Builder bool = new BoolQuery.Builder().filter(PostQueries.filterClauses(filter));
    filter.keywords().filter(k -> !k.isEmpty()).ifPresent(k -> bool.must(textQuery(k)));
    Query query = Query.of(q -> q.bool(bool.build()));
    Query highlight = filter.keywords().filter(k -> !k.isEmpty()).map(PostQueries::keywords).orElse(null);
    SearchResponse<ObjectNode> r = client.search(s -> {
      s.index(postsIndex).ignoreUnavailable(true).allowNoIndices(true).from(request.offset()).size(request.size())
          .trackTotalHits(t -> t.enabled(true)).query(query)
          .source(x -> x.filter(f -> f.excludes("content", "tokens")));
      if (request.newestFirst() || highlight == null) {
        s.sort(o -> o.field(f -> f.field(PostQueries.PUBLISHED_AT).order(SortOrder.Desc)));
      }
      if (highlight != null) {
        s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
            .highlightQuery(highlight)
            .fields("title", f -> f.numberOfFragments(0))
            .fields("text", f -> f.fragmentSize(90).numberOfFragments(2)));
      }
      return s;
    }, ObjectNode.class);
    List<SearchHit> hits = new ArrayList<>();
    for (Hit<ObjectNode> h : r.hits().hits()) {
      ObjectNode d = h.source();
      if (d == null) {
        continue;
      }
      String text = d.path("text").asText("");
      List<String> title = merged(h.highlight().getOrDefault("title", List.of()));
      hits.add(new SearchHit(d.path("id").asText(h.id()), d.path("title").asText(""), d.path("url").asText(""),
          d.path("site").asText(""), d.path("platform").asText(""), d.path("region").asText(null),
          d.path("author").path("name").asText(null), Dates.parse(d.path("publishedAt").asText(null)),
          d.path("sentiment").asText(null), d.hasNonNull("sentimentScore") ? d.get("sentimentScore").asDouble() : null,
          d.path("topicId").asText(null), text.length() > 120 ? text.substring(0, 120) + "…" : text,
          title.isEmpty() ? null : title.get(0), merged(h.highlight().getOrDefault("text", List.of())),
          h.score() == null || h.score().isNaN() ? 0 : h.score()));
    }
    long total = r.hits().total() == null ? hits.size() : r.hits().total().value();
    return new ResultPage<>(total, request.offset() / Math.max(1, request.size()) + 1, request.size(), hits);
  }
}
