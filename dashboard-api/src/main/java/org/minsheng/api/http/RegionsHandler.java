package org.minsheng.api.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.api.query.PostFilter;
import org.minsheng.api.query.RegionCount;
import org.minsheng.api.query.RegionQuery;
import org.minsheng.api.query.TimeWindow;

/** {@code GET /api/regions?from&to&q&topic&site&platform}: posts and sentiment per province. */
public final class RegionsHandler implements Endpoint {
  private final RegionQuery regions;
  private final ParamsFactory params;

  public RegionsHandler(RegionQuery regions, ParamsFactory params) {
    this.regions = regions;
    this.params = params;
  }

  public record Row(String region, long volume, long negative, long neutral, long positive, double negativeShare) {
  }

  public record Response(TimeWindow window, List<Row> items) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("region", "volume", "negative", "neutral", "positive", "negativeShare");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      items.forEach(r -> rows.add(List.of(r.region(), r.volume(), r.negative(), r.neutral(), r.positive(),
          r.negativeShare())));
      return rows;
    }

    @Override
    public String exportName() {
      return "regions";
    }
  }

  @Override
  public Response handle(ApiRequest request) throws IOException {
    PostFilter filter = params.of(request).postFilter(Duration.ofHours(24));
    List<Row> rows = new ArrayList<>();
    for (RegionCount c : regions.regions(filter)) {
      rows.add(new Row(c.region(), c.volume(), c.negative(), c.neutral(), c.positive(), c.negativeShare()));
    }
    return new Response(filter.window(), rows);
  }
}
