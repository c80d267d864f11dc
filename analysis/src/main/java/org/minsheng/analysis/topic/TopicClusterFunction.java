package org.minsheng.analysis.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.minsheng.analysis.keywords.DocumentFrequencies;
import org.minsheng.analysis.keywords.KeywordExtractor;
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
 * <p>Everything learnt from the stream lives here, in event-time order, and in Flink state, so that the output is the
 * same for the same input whatever the parallelism upstream, the subtask that saw a post, its arrival order within the
 * watermark bound or a restore in between (docs/TOPICS.md, "State and determinism"): topics and post links in keyed
 * MapState; the document frequencies in operator state ({@value #DF_STATE}, one compact byte array written at each
 * checkpoint, {@link DocumentFrequencies#toBytes()}); the clusterer's inverted index and recency order are derived
 * from the topics and rebuilt after a restore. Posts due at the same event time are handled in post-id order. Each
 * post's keywords (the top {@code keywordsPerPost} terms of its TF-IDF vector) are chosen here, from the same
 * frequencies; spam posts are held and ordered the same way and get keywords without being learnt or clustered.
 */
public final class TopicClusterFunction extends KeyedProcessFunction<Integer, AnalyzedPost, AnalyzedPost>
    implements CheckpointedFunction {
  private static final Logger LOG = LoggerFactory.getLogger(TopicClusterFunction.class);
  public static final int KEY = 0;
  public static final OutputTag<TopicUpdate> TOPICS = new OutputTag<>("topic-updates") {};
  /** Operator state name of the document-frequency table. */
  static final String DF_STATE = "document-frequencies";

  private final ClusterSettings settings;
  private final long flushMs;
  private final int keywordsPerTopic;
  private final int keywordsPerPost;
  private final long ttlMs;
  private transient ListState<byte[]> dfState;
  private transient byte[] restoredDf;
  /** The table as last written to a checkpoint, reused while no post was learnt since. */
  private transient byte[] dfBytes;
  private transient boolean dfChanged;
  private transient MapState<String, TopicState> topics;
  private transient FlinkTopicStore store;
  private transient MapState<String, Boolean> dirty;
  private transient MapState<Long, List<AnalyzedPost>> pending;
  private transient TopicAssigner assigner;
  private transient boolean rebuilt;

  public TopicClusterFunction(ClusterSettings settings, Duration flushInterval, int keywordsPerTopic,
      int keywordsPerPost) {
    this.settings = settings;
    this.flushMs = flushInterval.toMillis();
    this.keywordsPerTopic = keywordsPerTopic;
    this.keywordsPerPost = keywordsPerPost;
    this.ttlMs = (long) (settings.topicTtlMinutes() * 60_000);
  }

  @Override
  public void initializeState(FunctionInitializationContext ctx) throws Exception {
    dfState = ctx.getOperatorStateStore().getListState(
        new ListStateDescriptor<>(DF_STATE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    restoredDf = null;
    if (ctx.isRestored()) {
      for (byte[] b : dfState.get()) {
        if (restoredDf != null) {
          // parallelism 1 writes one table; more means the operator ran wider, which it must not
          throw new IllegalStateException("the topic clustering state holds more than one document-frequency table:"
              + " the operator must run at parallelism 1");
        }
        restoredDf = b;
      }
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext ctx) throws Exception {
    if (assigner == null) {
      return; // not opened (cannot happen in a running task); the restored table stays in the state as it was
    }
    if (dfBytes == null || dfChanged) {
      long started = System.nanoTime();
      dfBytes = assigner.documentFrequencies().toBytes();
      dfChanged = false;
      LOG.debug("checkpoint {}: document frequencies of {} terms in {} bytes, serialised in {} µs",
          ctx.getCheckpointId(), assigner.documentFrequencies().size(), dfBytes.length,
          (System.nanoTime() - started) / 1000);
    }
    dfState.update(List.of(dfBytes));
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
    DocumentFrequencies df;
    if (restoredDf != null) {
      df = DocumentFrequencies.fromBytes(restoredDf, settings.dfMaxTerms(), settings.dfHalfLifeDocs());
      dfBytes = restoredDf;
      LOG.info("restored document frequencies: {} terms over {} documents (decayed), {} bytes", df.size(),
          Math.round(df.docs()), restoredDf.length);
      restoredDf = null;
    } else {
      df = new DocumentFrequencies(settings.dfMaxTerms(), settings.dfHalfLifeDocs());
    }
    assigner = new TopicAssigner(settings, store, Stopwords.bundled(), df);
    dfChanged = false;
    rebuilt = false;
  }

  @Override
  public void processElement(AnalyzedPost p, Context ctx, Collector<AnalyzedPost> out) throws Exception {
    long t = p.post.publishedAt().toEpochMilli();
    if (t <= ctx.timerService().currentWatermark()) {
      // late: its time has passed, cluster it now rather than hold it
      handle(p, ctx.timerService(), out);
      return;
    }
    // posts reach this one subtask from every upstream subtask, out of order: cluster them in event-time order (once
    // the watermark passes), so that an original is always seen before its reprints and replies, and a replay
    // produces the same topics and keywords (spam too: its keywords come from the same frequencies)
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
      // ties in event time: post-id order, whatever the order of arrival
      due.sort(Comparator.comparing(AnalyzedPost::id));
      for (AnalyzedPost p : due) {
        handle(p, ctx.timerService(), out);
      }
    }
    if (timestamp % flushMs == 0) {
      flush(timestamp, ctx);
    }
  }

  private void handle(AnalyzedPost p, TimerService timers, Collector<AnalyzedPost> out) throws Exception {
    if (p.spam) {
      // stored and searchable with keywords, never a topic member, never learnt (a content farm's copies must not
      // make its words look common)
      p.keywords = KeywordExtractor.top(assigner.vectorOnly(p.tokens, p.pos), keywordsPerPost);
      out.collect(p);
    } else {
      assign(p, timers, out);
    }
  }

  private void assign(AnalyzedPost p, TimerService timers, Collector<AnalyzedPost> out) throws Exception {
    ensureRebuilt();
    long t = p.post.publishedAt().toEpochMilli();
    TopicAssigner.Result r = assigner.assign(input(p, t));
    dfChanged = true;
    Assignment a = r.assignment();
    p.keywords = KeywordExtractor.top(r.vector(), keywordsPerPost);
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
