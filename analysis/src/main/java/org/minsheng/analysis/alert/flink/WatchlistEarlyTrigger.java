package org.minsheng.analysis.alert.flink;

import java.util.Map;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.minsheng.analysis.alert.ScopeType;
import org.minsheng.analysis.alert.ScopedPost;

/**
 * The event-time trigger of the per-scope windows, plus one early firing for watch-list scopes: the moment a window
 * of a watch-list scope holds its rule's {@code minPosts} matching posts it fires (without purging), so a watched
 * expression alerts within seconds of the post that completes it instead of after the window and the watermark's
 * out-of-orderness. Every window still fires once at its end (the final, complete count the baseline rules need).
 * The count lives in the trigger's window-scoped state, cleared with the window.
 */
public final class WatchlistEarlyTrigger extends Trigger<ScopedPost, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final ReducingStateDescriptor<Long> countDescriptor =
      new ReducingStateDescriptor<>("alert-watchlist-early-count", Long::sum, LongSerializer.INSTANCE);
  private final Map<String, Integer> minPostsByRule;
  private final int defaultMinPosts;

  public WatchlistEarlyTrigger(Map<String, Integer> minPostsByRule, int defaultMinPosts) {
    this.minPostsByRule = Map.copyOf(minPostsByRule);
    this.defaultMinPosts = defaultMinPosts;
  }

  @Override
  public TriggerResult onElement(ScopedPost post, long timestamp, TimeWindow window, TriggerContext ctx)
      throws Exception {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    if (!ScopeType.WATCHLIST.equals(post.scopeType)) {
      return TriggerResult.CONTINUE;
    }
    ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
    count.add(1L);
    long min = Math.max(1, minPostsByRule.getOrDefault(post.scopeKey, defaultMinPosts));
    return count.get() == min ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
    ctx.getPartitionedState(countDescriptor).clear();
  }

  @Override
  public String toString() {
    return "WatchlistEarlyTrigger(default minPosts " + defaultMinPosts + ", per rule " + minPostsByRule + ")";
  }
}
