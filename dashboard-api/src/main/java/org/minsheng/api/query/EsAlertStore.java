package org.minsheng.api.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link AlertStore} over the {@code minsheng-alerts} index. */
public final class EsAlertStore implements AlertStore {
  private static final int MAX_ATTEMPTS = 3;
  private final ElasticsearchClient client;
  private final String index;

  public EsAlertStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public ResultPage<ObjectNode> list(AlertFilter filter, int offset, int size) throws IOException {
    List<Query> clauses = new ArrayList<>();
    clauses.add(PostQueries.range("firedAt", filter.window()));
    PostQueries.term("status", filter.status()).ifPresent(clauses::add);
    PostQueries.term("level", filter.level()).ifPresent(clauses::add);
    PostQueries.term("rule", filter.rule()).ifPresent(clauses::add);
    PostQueries.term("topicId", filter.topicId()).ifPresent(clauses::add);
    SearchResponse<ObjectNode> r = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
        .from(offset).size(size).trackTotalHits(t -> t.enabled(true))
        .query(q -> q.bool(b -> b.filter(clauses)))
        .sort(o -> o.field(f -> f.field("firedAt").order(SortOrder.Desc).unmappedType(FieldType.Date))), ObjectNode.class);
    return new ResultPage<>(r.hits().total() == null ? 0 : r.hits().total().value(), offset / Math.max(1, size) + 1,
        size, sources(r));
  }

  @Override
  public Optional<ObjectNode> get(String alertId) throws IOException {
    return located(alertId).map(Located::doc);
  }

  private record Located(String index, ObjectNode doc, long seqNo, long primaryTerm) {
  }

  /**
   * The alert's concrete index by search ({@code index} may be an alias or pattern), then its source and
   * {@code _seq_no}/{@code _primary_term} by a real-time GET: a search sees only the last refresh, so right after the
   * notifier or the job changed the alert its version would be stale and every conditional write would conflict.
   */
  private Optional<Located> located(String alertId) throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
        .size(1).source(src -> src.fetch(false)).query(q -> q.ids(i -> i.values(alertId))), ObjectNode.class);
    String concrete = r.hits().hits().isEmpty() ? index : r.hits().hits().get(0).index();
    GetResponse<ObjectNode> g;
    try {
      g = client.get(x -> x.index(concrete).id(alertId), ObjectNode.class);
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (!g.found() || g.source() == null) {
      return Optional.empty();
    }
    return Optional.of(new Located(g.index(), g.source(), Objects.requireNonNull(g.seqNo()),
        Objects.requireNonNull(g.primaryTerm())));
  }

  @Override
  public Optional<ObjectNode> transition(String alertId, String status, String by, Instant at) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Optional<Located> found = located(alertId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Located current = found.get();
      ObjectNode doc = current.doc().deepCopy();
      String from = doc.path("status").asText("new");
      if (!allowed(from, status)) {
        throw new IllegalStateException("alert " + alertId + " is " + from + "; it cannot become " + status);
      }
      doc.put("status", status);
      doc.put("updatedAt", at.toString());
      ArrayNode history = doc.has("history") && doc.get("history").isArray()
          ? (ArrayNode) doc.get("history") : doc.putArray("history");
      ObjectNode entry = history.addObject();
      entry.put("at", at.toString());
      entry.put("status", status);
      entry.put("level", doc.path("level").asText(""));
      entry.put("by", by);
      try {
        client.index(i -> i.index(current.index()).id(alertId).document(doc).ifSeqNo(current.seqNo())
            .ifPrimaryTerm(current.primaryTerm()).refresh(Refresh.WaitFor));
        return Optional.of(doc);
      } catch (ElasticsearchException e) {
        if (e.status() != 409 || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  static boolean allowed(String from, String to) {
    return switch (to) {
      case "acknowledged" -> from.equals("new");
      case "resolved" -> Set.of("new", "acknowledged").contains(from);
      default -> false;
    };
  }

  @Override
  public List<ObjectNode> updatedSince(Instant since, int limit) throws IOException {
    SearchResponse<ObjectNode> r = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
        .size(limit).query(q -> q.range(g -> g.untyped(u -> u.field("updatedAt")
            .gte(JsonData.of(since.toEpochMilli())).format("epoch_millis"))))
        .sort(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Asc).unmappedType(FieldType.Date))), ObjectNode.class);
    return sources(r);
  }

  static List<ObjectNode> sources(SearchResponse<ObjectNode> r) {
    return r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
  }

  static Query termQuery(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }
}
