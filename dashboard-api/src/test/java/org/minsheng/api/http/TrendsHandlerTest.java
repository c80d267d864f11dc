package org.minsheng.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.api.ApiSettings;
import org.minsheng.api.query.Interval;
import org.minsheng.api.query.TrendBucket;
import org.minsheng.api.query.TrendRequest;
import org.minsheng.api.query.TrendSeries;

class TrendsHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final ApiSettings SETTINGS = ApiSettings.load(null, Map.of());

  final List<TrendRequest> seen = new ArrayList<>();
  final TrendsHandler handler = new TrendsHandler(request -> {
    seen.add(request);
    List<TrendSeries> out = new ArrayList<>();
    if (request.compare().isEmpty()) {
      out.add(new TrendSeries("", 3, List.of(new TrendBucket(request.filter().window().from(), 3, 1, 1, 1, 0.0))));
    } else {
      request.compare().forEach(k -> out.add(new TrendSeries(k.source(), 0, List.of())));
    }
    return out;
  }, params());

  static ParamsFactory params() {
    return new ParamsFactory(SETTINGS.limits(), ZoneId.of("Asia/Shanghai"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ApiRequest query(String... pairs) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      q.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return ApiRequest.of(q);
  }

  @Test
  void defaultsAreTheLast24HoursHourly() throws Exception {
    TrendsHandler.Response r = handler.handle(query());
    assertThat(r.from()).isEqualTo(NOW.minusSeconds(86400));
    assertThat(r.to()).isEqualTo(NOW);
    assertThat(r.interval()).isEqualTo("1h");
    assertThat(r.buckets()).hasSize(1).first().extracting(TrendBucket::volume).isEqualTo(3L);
    assertThat(seen.get(0).interval()).isEqualTo(Interval.H1);
  }

  @Test
  void defaultEndIsRoundedUpToTheMinuteSoRepeatedQueriesAreIdentical() throws Exception {
    ParamsFactory later = new ParamsFactory(SETTINGS.limits(), ZoneId.of("Asia/Shanghai"),
        Clock.fixed(NOW.plusSeconds(17), ZoneOffset.UTC));
    TrendsHandler h = new TrendsHandler(r -> List.of(new TrendSeries("", 0, List.of())), later);
    TrendsHandler.Response r = h.handle(query());
    assertThat(r.to()).isEqualTo(NOW.plusSeconds(60));
    assertThat(r.from()).isEqualTo(NOW.plusSeconds(60).minusSeconds(86400));
  }

  @Test
  void passesFiltersAndParsesDatesInTheServerZone() throws Exception {
    handler.handle(query("from", "2026-11-20", "to", "2026-11-21T00:00:00Z", "interval", "15m", "site", "weibo.com",
        "region", "广东", "topic", "t-1"));
    TrendRequest r = seen.get(0);
    assertThat(r.filter().window().from()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
    assertThat(r.filter().window().to()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(r.interval()).isEqualTo(Interval.M15);
    assertThat(r.filter().site()).contains("weibo.com");
    assertThat(r.filter().region()).contains("广东");
    assertThat(r.filter().topicId()).contains("t-1");
  }

  @Test
  void repeatedQComparesExpressions() throws Exception {
    TrendsHandler.Response r = handler.handle(query("q", "物价 上涨|涨价", "q", "房价 -股票"));
    assertThat(r.series()).extracting(TrendSeries::q).containsExactly("物价 上涨|涨价", "房价 -股票");
    assertThat(seen.get(0).compare().get(0).required()).containsExactly(List.of("物价"), List.of("上涨", "涨价"));
    assertThat(seen.get(0).compare().get(1).excluded()).containsExactly("股票");
  }

  @Test
  void badDateNamesTheParameter() {
    assertThatThrownBy(() -> handler.handle(query("from", "yesterday")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("from");
          assertThat(e.getMessage()).contains("'yesterday'").contains("2026-11-21");
        });
  }

  @Test
  void fromAfterToIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("from", "2026-11-21T10:00:00Z", "to", "2026-11-21T09:00:00Z")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("from");
          assertThat(e.getMessage()).contains("must not be after to");
        });
  }

  @Test
  void intervalOutsideTheAllowedSetIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("interval", "7m")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("interval");
          assertThat(e.getMessage()).contains("[5m, 15m, 30m, 1h, 3h, 6h, 12h, 1d]").contains("'7m'");
        });
  }

  @Test
  void tooManyBucketsIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("from", "2026-01-01", "to", "2026-11-01", "interval", "5m")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("interval");
          assertThat(e.getMessage()).contains("more than the limit of 2000");
        });
    assertThat(seen).isEmpty();
  }

  @Test
  void tooManyComparedExpressionsIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("q", "a", "q", "b", "q", "c", "q", "d", "q", "e", "q", "f")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("q"));
  }

  @Test
  void badKeywordExpressionIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("q", "-股票")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> {
          assertThat(e.parameter()).isEqualTo("q");
          assertThat(e.getMessage()).contains("not only exclusions");
        });
    assertThatThrownBy(() -> handler.handle(query("q", "物价||涨价")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.getMessage()).contains("empty"));
  }

  @Test
  void siteWithQuerySyntaxIsRefused() {
    assertThatThrownBy(() -> handler.handle(query("site", "a\" OR *")))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("site"));
  }

  @Test
  void csvRowsCoverEverySeriesAndBucket() throws Exception {
    TrendsHandler.Response r = handler.handle(query());
    assertThat(r.columns()).startsWith("q", "start", "volume");
    assertThat(r.rows()).hasSize(1);
    assertThat(Csv.write(r, 10)).contains("q,start,volume,negative,neutral,positive,meanSentimentScore\r\n")
        .contains(",3,1,1,1,0.0");
  }
}
