package org.minsheng.analysis.job;

import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.flink.AlertStages;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.topic.TopicOutputs;
import org.minsheng.analysis.topic.TopicStages;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.analysis.nlp.SegmentFunction;
import org.minsheng.analysis.nlp.SentimentFunction;
import org.minsheng.analysis.normalise.NormaliseFunction;
import org.minsheng.analysis.parse.ParsePostFunction;
import org.minsheng.analysis.source.PostsSource;
import org.minsheng.analysis.source.RawLine;

/**
 * The Minsheng analysis job. This class only declares the topology; the source, the sinks and the settings come in
 * through the constructor ({@link AnalysisMain} plugs in the spool directory and Elasticsearch, tests plug in theirs).
 *
 * <pre>
 * raw lines ─► parse + validate ─┬─► event time ─► normalise ─► segment ─► sentiment ─► topic stages ─┬─► post sink
 *                                │    (spam, reprints, keywords, clustering, heat: TopicStages) ─┬─ topics ─┼─► topic sink
 *                                │                                                               └─ trends ─┼─► trend sink
 *                                │                                                          alerts (AlertStages) ─► alert sink
 *                                └─► dead letters ────────────────────────────────────────────────────────► dead-letter sink
 * </pre>
 *
 * Every operator has a stable {@code uid} (so savepoints survive changes to the graph) and a readable name.
 */
public final class MinshengJob {
  public static final String JOB_NAME = "minsheng-analysis";

  /** Operator uids: part of the savepoint compatibility contract, never rename. */
  public static final class Uids {
    public static final String SOURCE = "posts-source";
    public static final String PARSE = "parse";
    public static final String EVENT_TIME = "event-time";
    public static final String NORMALISE = "normalise";
    public static final String SEGMENT = "segment";
    public static final String SENTIMENT = "sentiment";
    public static final String POST_SINK = "posts-sink";
    public static final String DEAD_LETTER_SINK = "dead-letters-sink";
    public static final String ALERT_SINK = "alerts-sink";
    public static final String TOPIC_SINK = "topics-sink";
    public static final String TREND_SINK = "trends-sink";
    public static final String POST_TOPIC_FIELDS_SINK = "post-topic-fields-sink";
    public static final String REPRINT_SINK = "reprints-sink";

    private Uids() {}
  }

  private final PostsSource source;
  private final JobSinks sinks;
  private final JobSettings settings;

  public MinshengJob(PostsSource source, JobSinks sinks, JobSettings settings) {
    this.source = Objects.requireNonNull(source, "source");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The text stages only: posts and dead letters. */
  public MinshengJob(PostsSource source, Sink<AnalyzedPost> postSink, Sink<DeadLetter> deadLetterSink,
      JobSettings settings) {
    this(source, JobSinks.of(postSink, deadLetterSink), settings);
  }

  /** Declares the job on {@code env} (checkpointing included); the caller executes it. */
  public void build(StreamExecutionEnvironment env) {
    env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

    DataStream<RawLine> lines = env
        .fromSource(source.rawLines(), WatermarkStrategy.noWatermarks(), "posts source (" + source.description() + ")")
        .uid(Uids.SOURCE);

    SingleOutputStreamOperator<AnalyzedPost> parsed = lines
        .process(new ParsePostFunction())
        .uid(Uids.PARSE).name("parse + validate");

    DataStream<AnalyzedPost> posts = parsed
        .assignTimestampsAndWatermarks(WatermarkStrategy
            .<AnalyzedPost>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
            .withTimestampAssigner(new PublishedAtTimestamps())
            .withIdleness(settings.idleness()))
        .uid(Uids.EVENT_TIME).name("event time (publishedAt)");

    DataStream<AnalyzedPost> textStages = analyse(posts);
    DataStream<AnalyzedPost> analysed = textStages;
    // Posts are written as soon as the text stages are done (searchable within seconds); the topic stages work in
    // event-time order and merge their fields into the same documents when they have judged a post.
    analysed.sinkTo(sinks.posts()).uid(Uids.POST_SINK).name("posts sink");
    if (sinks.topics() != null) {
      TopicOutputs topics = TopicStages.apply(analysed, settings.topics());
      analysed = topics.posts();
      analysed.sinkTo(sinks.postTopicFields()).uid(Uids.POST_TOPIC_FIELDS_SINK).name("post topic fields sink");
      topics.reprints().sinkTo(sinks.reprints()).uid(Uids.REPRINT_SINK).name("reprints sink");
      topics.topics().sinkTo(sinks.topics()).uid(Uids.TOPIC_SINK).name("topics sink");
      topics.trends().sinkTo(sinks.trends()).uid(Uids.TREND_SINK).name("trends sink");
    }

    parsed.getSideOutput(ParsePostFunction.DEAD_LETTERS)
        .sinkTo(sinks.deadLetters()).uid(Uids.DEAD_LETTER_SINK).name("dead-letter sink");

    if (sinks.alerts() != null) {
      // watch-list rules count posts as soon as the text stages are done (their windows fire early), every other scope
      // after the topic stages, which release a post when the watermark passes it
      DataStream<Alert> alerts = AlertStages.apply(textStages, analysed, settings.alerts());
      alerts.sinkTo(sinks.alerts()).uid(Uids.ALERT_SINK).name("alerts sink");
    }
  }

  /** The per-post text stages, in order: what a post document carries from its first write. */
  private DataStream<AnalyzedPost> analyse(DataStream<AnalyzedPost> posts) {
    DataStream<AnalyzedPost> scored = posts
        .map(new NormaliseFunction()).uid(Uids.NORMALISE).name("normalise")
        .map(new SegmentFunction(settings.customWords())).uid(Uids.SEGMENT).name("segment (HanLP)")
        .map(new SentimentFunction(settings.sentiment(), settings.emotion())).uid(Uids.SENTIMENT).name("sentiment (" + settings.sentiment().model() + ")");
    return TopicStages.scoreSpam(scored, settings.topics());
  }
}
