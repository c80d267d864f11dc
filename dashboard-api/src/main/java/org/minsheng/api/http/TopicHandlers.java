package org.minsheng.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.minsheng.api.query.HotTopicFilter;
import org.minsheng.api.query.TimeWindow;
import org.minsheng.api.query.TopicDetail;
import org.minsheng.api.query.TopicQuery;

/** {@code GET /api/topics/hot} and {@code GET /api/topics/{id}}. */
public final class TopicHandlers {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  static final Set<String> LIFECYCLES = Set.of("emerging", "rising", "peak", "fading");

  private final TopicQuery topics;
  private final ParamsFactory params;

  public TopicHandlers(TopicQuery topics, ParamsFactory params) {
    this.topics = topics;
    this.params = params;
  }

  public record HotTopics(TimeWindow window, List<ObjectNode> items) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("topicId", "title", "heat", "growth", "negativeShare", "postCount", "reprintCount", "lifecycle",
          "firstSeen", "lastSeen", "sites", "regions", "keywords");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (ObjectNode t : items) {
        rows.add(java.util.Arrays.asList(text(t, "topicId"), text(t, "title"), num(t, "heat"), num(t, "growth"),
            num(t, "negativeShare"), num(t, "postCount"), num(t, "reprintCount"), text(t, "lifecycle"),
            text(t, "firstSeen"), text(t, "lastSeen"), joined(t, "sites"), joined(t, "regions"),
            joined(t, "keywords")));
      }
      return rows;
    }

    @Override
    public String exportName() {
      return "hot-topics";
    }
  }

  /** {@code ?from&to&limit&q&site&region&lifecycle}. */
  public final Endpoint hot = this::hotImpl;

  private Object hotImpl(ApiRequest request) throws java.io.IOException {
    Params p = params.of(request);
    TimeWindow window = p.window(DEFAULT_WINDOW);
    int limit = p.integer("limit", 20, 1, params.limits().maxPageSize());
    HotTopicFilter filter = new HotTopicFilter(window, p.string("q").map(q -> {
      if (q.length() > params.limits().maxKeywordLength()) {
        throw new BadParameterException("q", "longer than " + params.limits().maxKeywordLength() + " characters");
      }
      return q;
    }), p.identifier("site"), p.identifier("region"), p.oneOf("lifecycle", LIFECYCLES), limit);
    return new HotTopics(window, topics.hot(filter));
  }

  public final Endpoint detail = this::detailImpl;

  private Object detailImpl(ApiRequest request) throws java.io.IOException {
    return topicDetail(request.pathParam("id"));
  }

  private TopicDetail topicDetail(String id) throws IOException {
    if (id.isBlank() || id.length() > 200) {
      throw new BadParameterException("id", "expected a topic id of 1 to 200 characters");
    }
    return topics.detail(id).orElseThrow(() -> ApiException.notFound("topic '" + id + "'"));
  }

  static String text(ObjectNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  static Object num(ObjectNode n, String field) {
    return n.hasNonNull(field) && n.get(field).isNumber() ? n.get(field).numberValue() : null;
  }

  static String joined(ObjectNode n, String field) {
    List<String> values = new ArrayList<>();
    n.path(field).forEach(v -> values.add(v.asText()));
    return String.join(" ", values);
  }
}
