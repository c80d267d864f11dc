package org.minsheng.analysis.alert.flink;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDetector;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.analysis.alert.ScopeAssigner;
import org.minsheng.analysis.alert.ScopedPost;
import org.minsheng.analysis.alert.WindowCount;
import org.minsheng.analysis.alert.watch.WatchRule;

/**
 * The alerting part of the job topology, in one call:
 *
 * <pre>
 * DataStream&lt;Alert&gt; alerts = AlertStages.apply(analysedPosts, AlertSettings.load(userFile, System.getenv()));
 * alerts.map(a -&gt; AlertDocuments.toDocument(a, settings.content.channels)) … → minsheng-alerts (id = alertId)
 * </pre>
 *
 * The input must carry event-time timestamps (publishedAt) and watermarks, as the job assigns them at the source.
 * Watch-list expressions are parsed here, so a bad expression fails the job at submission with its column.
 * Watch-list windows also fire early, the moment they hold their rule's minimum of matching posts
 * ({@link WatchlistEarlyTrigger}); such a partial count is marked {@link WindowCount#early} and only the watch-list
 * rule looks at it. Posts behind the watermark are still counted for {@code alerts.window.allowedLateness} after their
 * window's end: the window fires again with its complete count and the detector replaces that window's figures and
 * re-evaluates the rules ({@link AlertDetectorFunction}). Posts later than that are not counted for alerting (they are
 * still indexed and counted in trends); the window operator counts them in its {@code numLateRecordsDropped} metric.
 */
public final class AlertStages {
  private AlertStages() {}

  public static DataStream<Alert> apply(DataStream<org.minsheng.analysis.model.AnalyzedPost> posts, AlertSettings s) {
    return detect(windowCounts(posts, s), s);
  }

  /**
   * The alerting stages fed from two points of the job, for alerts within seconds: watch-list scopes from
   * {@code textStagePosts} (right after segmentation and sentiment, not held back by the topic stages, which release a
   * post only when the watermark passes it), every other scope from {@code topicStagePosts} (topics need the
   * {@code topicId} those stages set). With the early firing of watch-list windows a watched expression then alerts as
   * soon as its post is analysed. Spam is scored among the text stages, so {@code scopes.skipSpam} applies on both
   * paths; duplicates are not known yet on the fast one, so a reprint counts for a watch-list rule.
   */
  public static DataStream<Alert> apply(DataStream<org.minsheng.analysis.model.AnalyzedPost> textStagePosts,
      DataStream<org.minsheng.analysis.model.AnalyzedPost> topicStagePosts, AlertSettings s) {
    ScopeAssigner assigner = new ScopeAssigner(s.scopes, WatchRule.fromSettings(s));
    java.util.Set<String> watch = java.util.Set.of(org.minsheng.analysis.alert.ScopeType.WATCHLIST);
    DataStream<ScopedPost> fast = textStagePosts
        .flatMap(new ScopeAssignFunction(assigner, watch, true))
        .uid("alert-scopes-watchlist").name("alert: assign watch-list scopes (text stages)");
    DataStream<ScopedPost> rest = topicStagePosts
        .flatMap(new ScopeAssignFunction(assigner, watch, false))
        .uid("alert-scopes").name("alert: assign scopes");
    return detect(count(fast.union(rest), s), s);
  }

  private static DataStream<Alert> detect(DataStream<WindowCount> counts, AlertSettings s) {
    return counts
        .keyBy(WindowCount::scopeId)
        .process(new AlertDetectorFunction(AlertDetector.fromSettings(s), s.window.idleStateRetention))
        .uid("alert-detect").name("alert: rules, levels, hygiene");
  }

  private static SingleOutputStreamOperator<WindowCount> count(DataStream<ScopedPost> scoped, AlertSettings s) {
    return scoped
        .keyBy(ScopedPost::scopeId)
        .window(TumblingEventTimeWindows.of(s.window.size))
        .allowedLateness(s.window.allowedLateness)
        .trigger(new WatchlistEarlyTrigger(AlertDetector.watchlistMinPosts(s), s.watchlist.minPosts))
        .aggregate(new WindowCountAggregate(s.window), new WindowCountEmitter(s.window))
        .uid("alert-window-counts").name("alert: count per scope and window");
  }

  /** Per-scope window counts (exposed for tests and for the trends roll-up if wanted). */
  public static SingleOutputStreamOperator<WindowCount> windowCounts(
      DataStream<org.minsheng.analysis.model.AnalyzedPost> posts, AlertSettings s) {
    List<WatchRule> watchRules = WatchRule.fromSettings(s);
    return count(posts
        .flatMap(new ScopeAssignFunction(new ScopeAssigner(s.scopes, watchRules)))
        .uid("alert-scopes").name("alert: assign scopes"), s);
  }
}
