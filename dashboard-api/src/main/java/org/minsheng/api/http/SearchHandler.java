package org.minsheng.api.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.minsheng.api.query.PostFilter;
import org.minsheng.api.query.PostSearch;
import org.minsheng.api.query.ResultPage;
import org.minsheng.api.query.SearchHit;
import org.minsheng.api.query.SearchRequest;

/** {@code GET /api/search?q&from&to&site&platform&region&sentiment&topic&sort&page&size}. */
public final class SearchHandler implements Endpoint {
  static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
  private final PostSearch search;
  private final ParamsFactory params;

  public SearchHandler(PostSearch search, ParamsFactory params) {
    this.search = search;
    this.params = params;
  }

  public record Response(long total, int page, int size, List<SearchHit> items) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("id", "publishedAt", "site", "platform", "region", "author", "sentiment", "sentimentScore",
          "topicId", "title", "url", "snippet");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (SearchHit h : items) {
        rows.add(java.util.Arrays.asList(h.id(), h.publishedAt(), h.site(), h.platform(), h.region(), h.author(),
            h.sentiment(), h.sentimentScore(), h.topicId(), h.title(), h.url(), h.snippet()));
      }
      return rows;
    }

    @Override
    public String exportName() {
      return "search";
    }
  }

  @Override
  public Response handle(ApiRequest request) throws IOException {
    Params p = params.of(request);
    PostFilter filter = p.postFilter(DEFAULT_WINDOW);
    boolean newest = p.oneOf("sort", Set.of("relevance", "time")).map("time"::equals).orElse(false);
    Params.Page page = p.page(20);
    ResultPage<SearchHit> r = search.search(new SearchRequest(filter, newest, page.offset(), page.size()));
    return new Response(r.total(), page.page(), page.size(), r.items());
  }
}
