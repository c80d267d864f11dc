package org.minsheng.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.api.query.Dates;
import org.minsheng.api.query.SourceQuery;

/** {@code GET /api/sources}: crawl health per source, with the lag since the last success. */
public final class SourcesHandler implements Endpoint {
  private final SourceQuery sources;
  private final Clock clock;

  public SourcesHandler(SourceQuery sources, Clock clock) {
    this.sources = sources;
    this.clock = clock;
  }

  public record Response(Instant at, List<ObjectNode> items) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("source", "platform", "healthy", "fetched", "posts", "skipped", "errors", "blocked",
          "lastSuccess", "lagSeconds", "lastError", "reason", "updatedAt");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (ObjectNode s : items) {
        List<Object> row = new ArrayList<>();
        for (String c : columns()) {
          row.add(s.hasNonNull(c) ? (s.get(c).isNumber() ? s.get(c).numberValue() : s.get(c).asText()) : null);
        }
        rows.add(row);
      }
      return rows;
    }

    @Override
    public String exportName() {
      return "sources";
    }
  }

  @Override
  public Response handle(ApiRequest request) throws IOException {
    Instant now = clock.instant();
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode s : sources.sources()) {
      ObjectNode copy = s.deepCopy();
      Instant last = Dates.parse(s.path("lastSuccess").asText(null));
      if (last != null) {
        copy.put("lagSeconds", Math.max(0, Duration.between(last, now).toSeconds()));
      } else {
        copy.putNull("lagSeconds");
      }
      items.add(copy);
    }
    return new Response(now, items);
  }
}
