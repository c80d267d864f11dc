package org.minsheng.analysis.topic;

import java.time.Duration;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.minsheng.analysis.dedup.DedupProbe;
import org.minsheng.analysis.dedup.DedupProbeSplitter;
import org.minsheng.analysis.dedup.DedupVerdict;
import org.minsheng.analysis.dedup.DuplicateBucketFunction;
import org.minsheng.analysis.dedup.DuplicateVerdictJoin;
import org.minsheng.analysis.dedup.ReprintCounter;
import org.minsheng.analysis.dedup.ReprintUpdate;
import org.minsheng.analysis.heat.HeatScorer;
import org.minsheng.analysis.heat.TopicHeat;
import org.minsheng.analysis.heat.TrendAccumulator;
import org.minsheng.analysis.heat.TrendItem;
import org.minsheng.analysis.heat.TrendItemSplitter;
import org.minsheng.analysis.heat.TrendRollup;
import org.minsheng.analysis.heat.TrendWindowFunction;
import org.minsheng.analysis.keywords.EntityStage;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.spam.SpamStage;

/**
 * Wires entities, duplicate detection, topic clustering (with each post's keywords) and heat into a job, after segmentation,
 * sentiment and spam scoring ({@link #scoreSpam}, a text stage: the post document and the watch-list alerts need it
 * at once). The input must carry event-time timestamps ({@code publishedAt}) and watermarks.
 *
 * <pre>
 *   spam-scored ─► entities ──────────┬─► dedup probes ─keyBy(bucket)─► buckets ─┐
 *                                           └──────────────keyBy(post id)──────────────┴► verdict join ─┐
 *      reprint notices ◄── side output ─────────────────────────────────────────────────────────────────┤
 *   ─keyBy(0), parallelism 1─► keywords + topic clustering ─► posts, topic updates (side output)         │
 *   posts ─► trend items ─keyBy(kind:key)─► tumbling windows ─► heat scorer ─► trends, topic heat        │
 *   topic updates + topic heat ─keyBy(topic id)─► topic document join ─► topics                          │
 * </pre>
 */
public final class TopicStages {
  private TopicStages() {}

  /** Content-farm / spam score of each post: stateless, part of the job's text stages. */
  public static SingleOutputStreamOperator<AnalyzedPost> scoreSpam(DataStream<AnalyzedPost> segmented,
      TopicSettings s) {
    return segmented.map(new SpamStage(s.spamThreshold())).uid("spam-score").name("spam score");
  }

  /** The topic stages over posts already scored for spam ({@link #scoreSpam}). */
  public static TopicOutputs apply(DataStream<AnalyzedPost> scored, TopicSettings s) {
    SingleOutputStreamOperator<AnalyzedPost> keyworded = scored
        // entities only: keywords need the stream's document frequencies, which the clustering operator keeps in
        // event-time order and in its checkpointed state (the uid is the former keyword stage's; it holds no state)
        .map(new EntityStage())
        .uid("keywords-entities").name("entities");

    DataStream<DedupVerdict> verdicts = keyworded
        .flatMap(new DedupProbeSplitter()).uid("dedup-probes").name("dedup probes")
        .keyBy((KeySelector<DedupProbe, String>) p -> p.bucket)
        .process(new DuplicateBucketFunction(s.dedup())).uid("dedup-buckets").name("dedup buckets");
    SingleOutputStreamOperator<AnalyzedPost> deduped = keyworded
        .keyBy((KeySelector<AnalyzedPost, String>) AnalyzedPost::id)
        .connect(verdicts.keyBy((KeySelector<DedupVerdict, String>) v -> v.postId))
        .process(new DuplicateVerdictJoin()).uid("dedup-join").name("dedup verdicts");
    DataStream<ReprintUpdate> reprints = deduped.getSideOutput(DuplicateVerdictJoin.REPRINTS)
        .keyBy(n -> n.originalId)
        .process(new ReprintCounter(s.dedup())).uid("reprint-counter").name("reprint counter");

    SingleOutputStreamOperator<AnalyzedPost> clustered = deduped
        .keyBy(new ConstantKey())
        .process(new TopicClusterFunction(s.cluster(), s.flushInterval(), s.keywordsPerTopic(), s.keywordsPerPost()))
        .uid("topic-cluster").name("topic clustering")
        .setParallelism(1);

    SingleOutputStreamOperator<TrendRollup> trends = clustered
        .flatMap(new TrendItemSplitter(s.heat().trendKeywordsPerPost())).uid("trend-items").name("trend items")
        .keyBy((KeySelector<TrendItem, String>) TrendItem::trendKey)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(s.heat().windowMs())))
        // crawled posts arrive behind the watermark: their windows fire again with the fuller count
        .allowedLateness(Duration.ofMillis(s.heat().allowedLatenessMs()))
        .aggregate(new TrendAccumulator(), new TrendWindowFunction()).uid("trend-windows").name("trend windows")
        .keyBy((KeySelector<TrendRollup, String>) r -> r.kind + ":" + r.key)
        .process(new HeatScorer(s.heat())).uid("heat").name("heat index");

    DataStream<TopicUpdate> topics = clustered.getSideOutput(TopicClusterFunction.TOPICS)
        .keyBy((KeySelector<TopicUpdate, String>) u -> u.topicId)
        .connect(trends.getSideOutput(HeatScorer.TOPIC_HEAT).keyBy((KeySelector<TopicHeat, String>) h -> h.topicId))
        .process(new TopicDocumentJoin(s.cluster().topicTtlMinutes())).uid("topic-documents").name("topic documents");

    return new TopicOutputs(clustered, topics, trends, reprints);
  }

  /** Every post to the one clustering key. */
  static final class ConstantKey implements KeySelector<AnalyzedPost, Integer> {
    @Override
    public Integer getKey(AnalyzedPost p) {
      return TopicClusterFunction.KEY;
    }
  }
}
