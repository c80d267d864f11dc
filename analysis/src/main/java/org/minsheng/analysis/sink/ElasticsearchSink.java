package org.minsheng.analysis.sink;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;

/**
 * A Flink 2 sink that indexes records into Elasticsearch with bulk requests (elasticsearch-java).
 *
 * <pre>{@code
 * ElasticsearchSink<AnalyzedPost> sink = ElasticsearchSink.<AnalyzedPost>builder()
 *     .connection(EsSettings.of("http://127.0.0.1:9200"))
 *     .converter(new PostDocumentConverter(IndexNames.DEFAULT.posts(), Clock.systemUTC()))
 *     .build();   // or: ElasticsearchSink.forPosts(settings, IndexNames.DEFAULT).build()
 * posts.sinkTo(sink).name("elasticsearch").uid("elasticsearch-sink");
 * }</pre>
 *
 * <p>Semantics (see docs/ELASTICSEARCH.md): at-least-once with idempotent writes (document id from the converter, the
 * post id for posts), so replays after a restart overwrite rather than duplicate. {@code flush} — called by Flink before
 * every checkpoint and at end of input — blocks until everything buffered is acknowledged, so a checkpoint never
 * completes with unwritten records. 429 / 5xx / connection errors are retried with exponential backoff (whole requests
 * and the failed items of partial failures); after {@code maxRetries} the writer fails and the job restarts from its
 * last checkpoint. Documents rejected for good (other 4xx, e.g. mapping errors) and records the converter cannot
 * convert become dead letters in the dead-letter index with the reason.
 *
 * @param <T> record type
 */
public final class ElasticsearchSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_BULK_MAX_ACTIONS = 1000;
  public static final long DEFAULT_BULK_MAX_BYTES = 5L * 1024 * 1024;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_RETRIES = 8;
  public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(200);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);

  private final EsSettings connection;
  private final DocumentConverter<T> converter;
  private final BulkConfig bulk;
  private final String deadLetterIndex;
  private final Clock clock;

  private ElasticsearchSink(Builder<T> b) {
    this.connection = b.connection;
    this.converter = b.converter;
    this.bulk = new BulkConfig(b.bulkMaxActions, b.bulkMaxBytes, b.flushInterval, b.maxRetries, b.backoffInitial,
        b.backoffMax);
    this.deadLetterIndex = b.deadLetterIndex;
    this.clock = b.clock;
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** A builder for analysed posts: monthly post indices, dead letters to {@code names.deadLetters()}. */
  public static Builder<AnalyzedPost> forPosts(EsSettings connection, IndexNames names) {
    return ElasticsearchSink.<AnalyzedPost>builder().connection(connection)
        .converter(new PostDocumentConverter(names.posts(), Clock.systemUTC())).deadLetterIndex(names.deadLetters());
  }

  /** A builder for the job's dead letters (parse failures etc.), written to {@code names.deadLetters()}. */
  public static Builder<DeadLetter> forDeadLetters(EsSettings connection, IndexNames names) {
    return ElasticsearchSink.<DeadLetter>builder().connection(connection)
        .converter(new DeadLetterDocumentConverter(names.deadLetters())).deadLetterIndex(names.deadLetters());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new ElasticsearchSinkWriter<>(connection, converter, bulk, new DeadLetterDocumentConverter(deadLetterIndex),
        clock, context.getProcessingTimeService(), new SinkMetrics(context.metricGroup()),
        ElasticsearchSinkWriter.Sleeper.REAL, context.isObjectReuseEnabled());
  }

  public BulkConfig bulkConfig() {
    return bulk;
  }

  public EsSettings connection() {
    return connection;
  }

  public String deadLetterIndex() {
    return deadLetterIndex;
  }

  /** Builder with named defaults; every setter checks its argument. */
  public static final class Builder<T> {
    private EsSettings connection;
    private DocumentConverter<T> converter;
    private int bulkMaxActions = DEFAULT_BULK_MAX_ACTIONS;
    private long bulkMaxBytes = DEFAULT_BULK_MAX_BYTES;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;
    private String deadLetterIndex = IndexNames.DEFAULT.deadLetters();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Required: where to write. */
    public Builder<T> connection(EsSettings v) {
      this.connection = Objects.requireNonNull(v, "connection");
      return this;
    }

    /** Required: record → index, id, document. */
    public Builder<T> converter(DocumentConverter<T> v) {
      this.converter = Objects.requireNonNull(v, "converter");
      return this;
    }

    /** Documents per bulk request (default {@value #DEFAULT_BULK_MAX_ACTIONS}). */
    public Builder<T> bulkMaxActions(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("bulkMaxActions must be >= 1, was " + v);
      }
      this.bulkMaxActions = v;
      return this;
    }

    /** Bytes per bulk request (default 5 MiB). */
    public Builder<T> bulkMaxBytes(long v) {
      if (v < 1024) {
        throw new IllegalArgumentException("bulkMaxBytes must be >= 1024, was " + v);
      }
      this.bulkMaxBytes = v;
      return this;
    }

    /** Maximum time a record waits in the buffer (default 1 s). */
    public Builder<T> flushInterval(Duration v) {
      this.flushInterval = positive("flushInterval", v);
      return this;
    }

    /** Retries of one bulk before the writer fails (default {@value #DEFAULT_MAX_RETRIES}). */
    public Builder<T> maxRetries(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + v);
      }
      this.maxRetries = v;
      return this;
    }

    /** First retry delay (default 200 ms), doubled per retry. */
    public Builder<T> backoffInitial(Duration v) {
      this.backoffInitial = positive("backoffInitial", v);
      return this;
    }

    /** Cap of the retry delay (default 10 s). */
    public Builder<T> backoffMax(Duration v) {
      this.backoffMax = positive("backoffMax", v);
      return this;
    }

    /** Index of dead letters (default {@code minsheng-deadletters}). */
    public Builder<T> deadLetterIndex(String v) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("deadLetterIndex must not be blank");
      }
      this.deadLetterIndex = v;
      return this;
    }

    /** Clock of dead letters' {@code occurredAt} (default UTC system clock). */
    public Builder<T> clock(Clock v) {
      this.clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    public ElasticsearchSink<T> build() {
      if (connection == null) {
        throw new IllegalStateException("ElasticsearchSink needs connection(EsSettings)");
      }
      if (converter == null) {
        throw new IllegalStateException("ElasticsearchSink needs converter(DocumentConverter)");
      }
      if (backoffMax.compareTo(backoffInitial) < 0) {
        throw new IllegalStateException("backoffMax (" + backoffMax + ") must be >= backoffInitial (" + backoffInitial + ")");
      }
      return new ElasticsearchSink<>(this);
    }

    private static Duration positive(String name, Duration v) {
      Objects.requireNonNull(v, name);
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + v);
      }
      return v;
    }
  }
}
