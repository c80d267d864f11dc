package org.minsheng.analysis.alert.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.minsheng.analysis.testing.MiniClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.post.Post;

/** The alert stages on a MiniCluster at parallelism 2 with fixed-instant fixture posts. */
class AlertStagesITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManager(2);

  private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

  private static AnalyzedPost post(int n, Instant at, String text, String region, String site, boolean negative) {
    Post p = Post.builder().id("p" + n).platform("forum").site(site).url("https://" + site + "/t/" + n)
        .title(text).text(text).publishedAt(at).fetchedAt(at).region(region)
        .metrics(new Post.Metrics(1L, 2L, (long) (n % 17), null)).build();
    AnalyzedPost a = new AnalyzedPost(p);
    a.normalisedText = text;
    a.tokens = List.of();
    a.sentimentLabel = negative ? "negative" : "neutral";
    a.keywords = List.of("拆迁");
    return a;
  }

  /** 60 min of background (10 posts per 30 s about 拆迁 in 浙江) with a 4-min burst at minute 45 (×5). */
  static List<AnalyzedPost> fixture() {
    List<AnalyzedPost> posts = new ArrayList<>();
    int n = 0;
    for (int second = 0; second < 3600; second += 3) {
      Instant at = T0.plusSeconds(second);
      posts.add(post(n++, at, "城东拆迁进展通报", "浙江", "news" + (n % 3) + ".example.cn", false));
      boolean burst = second >= 45 * 60 && second < 49 * 60;
      if (burst) {
        for (int k = 0; k < 4; k++) {
          posts.add(post(n++, at.plusMillis(100 * k), "城东拆迁补偿不公，业主聚集维权", "浙江",
              "bbs" + (n % 2) + ".example.cn", k < 3));
        }
      }
    }
    return posts;
  }

  @Test
  void aBurstInFixturePostsGivesOneAlertAndBackgroundGivesNone() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    AlertSettings s = AlertSettings.defaults();
    s.scopes.keywords = List.of("拆迁");
    s.scopes.regions = false;
    AlertSettings.WatchRuleSpec rule = new AlertSettings.WatchRuleSpec();
    rule.name = "拆迁维权";
    rule.expression = "拆迁 AND (补偿 OR 维权) NOT 招聘";
    s.watchlist.rules = List.of(rule);
    DataStream<AnalyzedPost> posts = env.fromData(fixture())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<AnalyzedPost>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((p, ts) -> p.post.publishedAt().toEpochMilli()));
    List<Alert> alerts = new ArrayList<>();
    try (var it = AlertStages.apply(posts, s).executeAndCollect()) {
      it.forEachRemaining(alerts::add);
    }
    List<Alert> news = alerts.stream().filter(a -> !a.escalation).toList();
    assertThat(news).extracting(a -> a.scopeType + ":" + a.rule)
        .containsExactlyInAnyOrder("keyword:burst", "keyword:negative_surge", "watchlist:watchlist");
    Alert burst = news.stream().filter(a -> a.rule.equals("burst")).findFirst().orElseThrow();
    long delay = burst.updatedAt - T0.plusSeconds(45 * 60).toEpochMilli();
    assertThat(delay).isBetween(30_000L, 90_000L);
    assertThat(burst.topPosts).isNotEmpty();
    assertThat(burst.topPosts.get(0).url).startsWith("https://");
    assertThat(burst.sites).contains("bbs0.example.cn", "bbs1.example.cn");
    assertThat(burst.reason).contains("关键词「拆迁」");
    assertThat(alerts).allMatch(a -> a.updatedAt >= T0.plusSeconds(45 * 60).toEpochMilli(), "no alert before the burst");
  }

  /** The two-input wiring (watch-list scopes from the text stages, the rest after the topic stages) alerts the same. */
  @Test
  void watchlistScopesFromTheTextStagesAndTheRestFromTheTopicStagesGiveTheSameAlerts() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    AlertSettings s = AlertSettings.defaults();
    s.scopes.keywords = List.of("拆迁");
    s.scopes.regions = false;
    AlertSettings.WatchRuleSpec rule = new AlertSettings.WatchRuleSpec();
    rule.name = "拆迁维权";
    rule.expression = "拆迁 AND (补偿 OR 维权) NOT 招聘";
    s.watchlist.rules = List.of(rule);
    DataStream<AnalyzedPost> posts = env.fromData(fixture())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<AnalyzedPost>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((p, ts) -> p.post.publishedAt().toEpochMilli()));
    List<Alert> alerts = new ArrayList<>();
    try (var it = AlertStages.apply(posts, posts, s).executeAndCollect()) {
      it.forEachRemaining(alerts::add);
    }
    assertThat(alerts.stream().filter(a -> !a.escalation).toList()).extracting(a -> a.scopeType + ":" + a.rule)
        .containsExactlyInAnyOrder("keyword:burst", "keyword:negative_surge", "watchlist:watchlist");
  }

  /**
   * The burst's four minutes arrive after the posts of minute 49 (1–5 min behind a 5-s watermark bound): with the
   * allowed lateness the windows fire again, the detector corrects them and the same three alerts fire, once each;
   * without it (the control) the burst is not seen. Parallelism 1 and a watermark after every post, so that records
   * and watermarks reach the window operator in one channel, in order: the posts are late in every run.
   */
  @Test
  void lateBurstPostsAreCountedThroughTheAllowedLatenessAndAlertOnce() throws Exception {
    List<AnalyzedPost> posts = fixture();
    long lateFrom = T0.plusSeconds(45 * 60).toEpochMilli();
    long lateUntil = T0.plusSeconds(49 * 60).toEpochMilli();
    List<AnalyzedPost> burst = posts.stream().filter(p -> at(p) >= lateFrom && at(p) < lateUntil).toList();
    List<AnalyzedPost> reordered = new ArrayList<>(posts.stream().filter(p -> !burst.contains(p)).toList());
    int afterMinute50 = (int) reordered.stream().filter(p -> at(p) < T0.plusSeconds(50 * 60).toEpochMilli()).count();
    reordered.addAll(afterMinute50, burst);

    List<Alert> alerts = runPunctuated(reordered, AlertSettings.defaults().window.allowedLateness);
    assertThat(alerts.stream().filter(a -> !a.escalation).toList()).extracting(a -> a.scopeType + ":" + a.rule)
        .containsExactlyInAnyOrder("keyword:burst", "keyword:negative_surge", "watchlist:watchlist");
    Alert b = alerts.stream().filter(a -> a.rule.equals("burst") && !a.escalation).findFirst().orElseThrow();
    assertThat(b.firedAt).as("opened by a corrected window of the burst").isBetween(lateFrom, lateUntil);
    // the alert opens at the first late firing that makes two windows anomalous (each late post fires its window
    // again), so the figures are of a window still filling up: above the 10 background posts, not yet all 50
    assertThat(b.figures.observed).isGreaterThan(2.2 * 10);

    assertThat(runPunctuated(reordered, Duration.ZERO)).extracting(a -> a.rule)
        .as("without lateness the late burst posts are dropped").doesNotContain("burst", "negative_surge");
  }

  private static long at(AnalyzedPost p) {
    return p.post.publishedAt().toEpochMilli();
  }

  private static List<Alert> runPunctuated(List<AnalyzedPost> fixture, Duration lateness) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    AlertSettings s = AlertSettings.defaults();
    s.window.allowedLateness = lateness;
    s.scopes.keywords = List.of("拆迁");
    s.scopes.regions = false;
    AlertSettings.WatchRuleSpec rule = new AlertSettings.WatchRuleSpec();
    rule.name = "拆迁维权";
    rule.expression = "拆迁 AND (补偿 OR 维权) NOT 招聘";
    s.watchlist.rules = List.of(rule);
    DataStream<AnalyzedPost> posts = env.fromData(fixture)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<AnalyzedPost>forGenerator(ctx -> new PerPostWatermarks(5_000))
            .withTimestampAssigner((p, ts) -> at(p)));
    List<Alert> alerts = new ArrayList<>();
    try (var it = AlertStages.apply(posts, s).executeAndCollect()) {
      it.forEachRemaining(alerts::add);
    }
    return alerts;
  }

  /** Bounded out-of-orderness with a watermark after every post (the periodic one would let a fast source outrun it). */
  private static final class PerPostWatermarks
      implements org.apache.flink.api.common.eventtime.WatermarkGenerator<AnalyzedPost> {
    private final long boundMs;
    private long max = Long.MIN_VALUE;

    PerPostWatermarks(long boundMs) {
      this.boundMs = boundMs;
    }

    @Override
    public void onEvent(AnalyzedPost p, long ts, org.apache.flink.api.common.eventtime.WatermarkOutput out) {
      if (ts > max) {
        max = ts;
        out.emitWatermark(new org.apache.flink.api.common.eventtime.Watermark(max - boundMs - 1));
      }
    }

    @Override
    public void onPeriodicEmit(org.apache.flink.api.common.eventtime.WatermarkOutput out) {
      // every post emits its own
    }
  }
}
