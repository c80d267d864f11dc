package org.minsheng.api.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.api.query.Interval;
import org.minsheng.api.query.KeywordExpression;
import org.minsheng.api.query.PostFilter;
import org.minsheng.api.query.TrendBucket;
import org.minsheng.api.query.TrendQuery;
import org.minsheng.api.query.TrendRequest;
import org.minsheng.api.query.TrendSeries;

/**
 * {@code GET /api/trends?q=&from=&to=&interval=&topic=&site=&platform=&region=}: volume and sentiment per bucket.
 * Repeating {@code q} compares several keyword expressions (one series each).
 */
public final class TrendsHandler implements Endpoint {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final TrendQuery trends;
  private final ParamsFactory params;
  private final int maxCompare;

  public TrendsHandler(TrendQuery trends, ParamsFactory params) {
    this.trends = trends;
    this.params = params;
    this.maxCompare = params.limits().maxCompare();
  }

  public record Response(Instant from, Instant to, String interval, String timezone, List<TrendSeries> series,
      List<TrendBucket> buckets) implements Tabular {
    @Override
    public List<String> columns() {
      return List.of("q", "start", "volume", "negative", "neutral", "positive", "meanSentimentScore");
    }

    @Override
    public List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (TrendSeries s : series) {
        for (TrendBucket b : s.buckets()) {
          rows.add(java.util.Arrays.asList(s.q(), b.start(), b.volume(), b.negative(), b.neutral(), b.positive(),
              b.meanSentimentScore()));
        }
      }
      return rows;
    }

    @Override
    public String exportName() {
      return "trends";
    }
  }

  @Override
  public Response handle(ApiRequest request) throws IOException {
    Params p = params.of(request);
    List<String> qs = p.all("q");
    if (qs.size() > maxCompare) {
      throw new BadParameterException("q", "at most " + maxCompare + " keyword expressions can be compared, got "
          + qs.size());
    }
    List<KeywordExpression> compare = new ArrayList<>();
    for (String q : qs) {
      compare.add(p.keywords("q", q));
    }
    PostFilter base = p.postFilterWithoutKeywords(DEFAULT_WINDOW);
    Interval interval = p.interval(Interval.H1, base.window());
    List<TrendSeries> series = trends.trends(new TrendRequest(base, interval, p.zone(), compare));
    return new Response(base.window().from(), base.window().to(), interval.code(), p.zone().getId(), series,
        series.isEmpty() ? List.of() : series.get(0).buckets());
  }
}
