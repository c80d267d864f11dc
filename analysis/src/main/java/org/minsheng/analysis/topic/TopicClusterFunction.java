package org.minsheng.analysis.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.model.AnalyzedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clustering step in the job: one key ({@link #KEY}), so every post meets every live topic in one subtask (see
 * docs/TOPICS.md for why one subtask and its measured throughput). Posts are held until the watermark passes their
 * time and clustered in event-time order (late ones at once). Fills {@code topicId} of every non-spam post and
 * emits it; emits {@link TopicUpdate}s of changed topics to {@link #TOPICS} once per {@code flushInterval} of event
 * time, which also drives eviction when posts stop arriving — so live topics, their state and the flush timer fall to
 * zero when the stream goes quiet for longer than the topic TTL.
 *
 * <p>Topics live in MapState; the clusterer's inverted index and document frequencies are in memory, the index rebuilt
 * from state after a restore, the frequencies re-learnt (a few thousand posts).
 */
public final class TopicClusterFunction extends KeyedProcessFunction<Integer, AnalyzedPost, AnalyzedPost> {
  private static final Logger LOG = LoggerFactory.getLogger(TopicClusterFunction.class);
  public static final int KEY = 0;
  public static final OutputTag<TopicUpdate> TOPICS = new OutputTag<>("topic-updates") {};

  private final ClusterSettings settings;
  private final long flushMs;
  private final int keywordsPerTopic;
  private final long ttlMs;
  private transient MapState<String, TopicState> topics;
  private transient FlinkTopicStore store;
  private transient MapState<String, Boolean> dirty;
  private transient MapState<Long, List<AnalyzedPost>> pending;
  private transient TopicAssigner assigner;
  private transient boolean rebuilt;

  public TopicClusterFunction(ClusterSettings settings, Duration flushInterval, int keywordsPerTopic) {
    this.settings = settings;
    this.flushMs = flushInterval.toMillis();
    this.keywordsPerTopic = keywordsPerTopic;
    this.ttlMs = (long) (settings.topicTtlMinutes() * 60_000);
  }

  @Override
  public void open(OpenContext ctx) {
    topics = getRuntimeContext().getMapState(new MapStateDescriptor<>("topics", String.class, TopicState.class));
    // "post-links", not the former "post-topics": that one had a state TTL, and a checkpoint written with it cannot
    // be read into a descriptor without one
    MapState<String, String> postTopics =
        getRuntimeContext().getMapState(new MapStateDescriptor<>("post-links", String.class, String.class));
    MapState<Long, List<String>> linkBuckets = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("post-link-buckets", Types.LONG, new ListTypeInfo<>(String.class)));
    dirty = getRuntimeContext().getMapState(new MapStateDescriptor<>("dirty", String.class, Boolean.class));
    pending = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("pending", Types.LONG, new ListTypeInfo<>(AnalyzedPost.class)));
    store = new FlinkTopicStore(topics, postTopics, linkBuckets, flushMs);
    assigner = new TopicAssigner(settings, store, Stopwords.bundled());
    rebuilt = false;
  }

  @Override
  public void processElement(AnalyzedPost p, Context ctx, Collector<AnalyzedPost> out) throws Exception {
    if (p.spam) {
      out.collect(p); // stored and searchable, never a topic member
      return;
    }
    long t = p.post.publishedAt().toEpochMilli();
    if (t <= ctx.timerService().currentWatermark()) {
      // late: its time has passed, cluster it now rather than hold it
      assign(p, ctx.timerService(), out);
      return;
    }
    // posts reach this one subtask from every upstream subtask, out of order: cluster them in event-time order (once
    // the watermark passes), so that an original is always seen before its reprints and replies, and a replay
    // produces the same topics
    List<AnalyzedPost> at = pending.get(t);
    if (at == null) {
      at = new ArrayList<>();
    }
    at.add(p);
    pending.put(t, at);
    ctx.timerService().registerEventTimeTimer(t);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalyzedPost> out) throws Exception {
    List<AnalyzedPost> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      due.sort(java.util.Comparator.comparing(AnalyzedPost::id));
      for (AnalyzedPost p : due) {
        assign(p, ctx.timerService(), out);
      }
    }
    if (timestamp % flushMs == 0) {
      flush(timestamp, ctx);
    }
  }

  private void assign(AnalyzedPost p, org.apache.flink.streaming.api.TimerService timers, Collector<AnalyzedPost> out)
      throws Exception {
    ensureRebuilt();
    long t = p.post.publishedAt().toEpochMilli();
    TopicAssigner.Result r = assigner.assign(input(p, t));
    Assignment a = r.assignment();
    p.topicId = a.topicId();
    dirty.put(a.topicId(), Boolean.TRUE);
    for (String m : a.merged()) {
      dirty.put(m, Boolean.TRUE);
      LOG.info("topic {} merged into {}", m, assigner.clusterer().resolve(m));
    }
    for (String e : a.evicted()) {
      dirty.remove(e);
    }
    out.collect(p);
    timers.registerEventTimeTimer((Math.floorDiv(t, flushMs) + 1) * flushMs);
  }

  private void flush(long timestamp, OnTimerContext ctx) throws Exception {
    ensureRebuilt();
    List<String> ids = new ArrayList<>();
    dirty.keys().forEach(ids::add);
    for (String id : ids) {
      TopicState t = topics.get(id);
      if (t != null) {
        ctx.output(TOPICS, TopicUpdate.of(t, keywordsPerTopic, timestamp));
      }
    }
    dirty.clear();
    List<String> evicted = assigner.clusterer().evictUntil(timestamp);
    if (!evicted.isEmpty()) {
      LOG.debug("evicted {} quiet topics at {}", evicted.size(), timestamp);
    }
    int forgotten = store.forgetLinks(timestamp - ttlMs, settings.maxPostLinks());
    if (forgotten > 0) {
      LOG.debug("forgot {} post links older than {}", forgotten, timestamp - ttlMs);
    }
    if (!topics.isEmpty()) {
      // keep sweeping while topics live, so that they expire even when no more posts come
      ctx.timerService().registerEventTimeTimer(timestamp + flushMs);
    } else {
      store.clearLinks(); // every link points at an evicted topic
    }
  }

  private void ensureRebuilt() {
    if (!rebuilt) {
      assigner.clusterer().rebuild();
      rebuilt = true;
    }
  }

  static TopicAssigner.Input input(AnalyzedPost p, long t) {
    String parent = p.post.parentId();
    String title = p.post.title() != null && !p.post.title().isBlank() ? p.post.title()
        : firstWords(p.normalisedText != null ? p.normalisedText : p.post.text(), 60);
    double weight = 0;
    if (p.post.metrics() != null) {
      weight += nz(p.post.metrics().reposts()) + nz(p.post.metrics().comments()) + nz(p.post.metrics().likes());
    }
    if (p.post.author() != null) {
      weight += Math.log1p(nz(p.post.author().followers()));
    }
    return new TopicAssigner.Input(p.id(), parent, p.duplicateOf, t, p.tokens, p.pos, title, p.post.site(),
        p.post.region(), p.sentimentLabel, weight);
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  private static String firstWords(String text, int max) {
    if (text == null) {
      return null;
    }
    String s = text.strip().replaceAll("\\s+", " ");
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
