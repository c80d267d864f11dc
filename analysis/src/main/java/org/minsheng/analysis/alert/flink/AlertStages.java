package org.minsheng.analysis.alert.flink;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
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
 * rule looks at it. Posts later than the watermark are not counted for alerting (they are still indexed by the rest of the job); they
 * leave through {@link #LATE_POSTS}, which {@link #lateScopedPosts} exposes for counting.
 */
public final class AlertStages {
  /** Posts that arrived after their window closed. */
  public static final OutputTag<ScopedPost> LATE_POSTS =
      new OutputTag<>("alert-late-posts", TypeInformation.of(ScopedPost.class));

  private AlertStages() {}

  public static DataStream<Alert> apply(DataStream<org.minsheng.analysis.model.AnalyzedPost> posts, AlertSettings s) {
    return windowCounts(posts, s)
        .keyBy(WindowCount::scopeId)
        .process(new AlertDetectorFunction(AlertDetector.fromSettings(s), s.window.idleStateRetention))
        .uid("alert-detect").name("alert: rules, levels, hygiene");
  }

  /** Per-scope window counts (exposed for tests and for the trends roll-up if wanted). */
  public static SingleOutputStreamOperator<WindowCount> windowCounts(
      DataStream<org.minsheng.analysis.model.AnalyzedPost> posts, AlertSettings s) {
    List<WatchRule> watchRules = WatchRule.fromSettings(s);
    return posts
        .flatMap(new ScopeAssignFunction(new ScopeAssigner(s.scopes, watchRules)))
        .uid("alert-scopes").name("alert: assign scopes")
        .keyBy(ScopedPost::scopeId)
        .window(TumblingEventTimeWindows.of(s.window.size))
        .trigger(new WatchlistEarlyTrigger(AlertDetector.watchlistMinPosts(s), s.watchlist.minPosts))
        .sideOutputLateData(LATE_POSTS)
        .aggregate(new WindowCountAggregate(s.window), new WindowCountEmitter(s.window))
        .uid("alert-window-counts").name("alert: count per scope and window");
  }

  /** The late posts of a {@link #windowCounts} operator. */
  public static DataStream<ScopedPost> lateScopedPosts(SingleOutputStreamOperator<WindowCount> counts) {
    return counts.getSideOutput(LATE_POSTS);
  }
}
