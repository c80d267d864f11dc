package org.minsheng.analysis.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.minsheng.analysis.alert.Alert;
import org.minsheng.analysis.alert.AlertDocumentConverter;
import org.minsheng.analysis.dedup.ReprintDocumentConverter;
import org.minsheng.analysis.dedup.ReprintUpdate;
import org.minsheng.analysis.heat.TrendDocumentConverter;
import org.minsheng.analysis.heat.TrendRollup;
import org.minsheng.analysis.job.restore.RestoreFailedException;
import org.minsheng.analysis.job.restore.RestoreMode;
import org.minsheng.analysis.job.restore.RetainedCheckpoint;
import org.minsheng.analysis.job.restore.RetainedCheckpoints;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.topic.TopicDocumentConverter;
import org.minsheng.analysis.topic.TopicUpdate;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.analysis.sink.ElasticsearchSink;
import org.minsheng.analysis.sink.PostDocumentConverter;
import org.minsheng.analysis.source.KafkaPostsSource;
import org.minsheng.analysis.source.PostsSource;
import org.minsheng.analysis.source.SpoolDirectorySource;
import org.minsheng.config.Settings;
import org.minsheng.es.EsConnection;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;
import org.minsheng.es.IndexTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the real job: the spool directory source and the Elasticsearch sinks, from {@code minsheng-analysis.yaml}
 * (connection details other than the URL, and the index prefix, from {@code minsheng-elasticsearch.yaml}).
 *
 * <ul>
 *   <li>{@link #main(String[])}: for {@code flink run} on a cluster (or a local run from an IDE); blocks.</li>
 *   <li>{@link #startLocal(AnalysisConfig)} / {@link #stop(JobClient, Duration)}: for the {@code ./minsheng demo}
 *       launcher, which runs the job on an in-process MiniCluster next to Elasticsearch and the API. The MiniCluster
 *       shuts down when the job ends, so cancelling the job releases everything.</li>
 * </ul>
 */
public final class AnalysisMain {
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisMain.class);

  private AnalysisMain() {}

  /** Arguments: optionally one user YAML file layered over the defaults. */
  public static void main(String[] args) throws Exception {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: AnalysisMain [config.yaml]");
    }
    Path userFile = args.length == 1 ? Path.of(args[0]) : null;
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, userFile, System.getenv()));
    StreamExecutionEnvironment env = Environments.current(config);
    job(config).build(env);
    env.execute(MinshengJob.JOB_NAME);
  }

  /**
   * Starts the job on an in-process MiniCluster ({@code analysis.parallelism} slots), resuming as {@code
   * analysis.checkpoint.restore} says (defaults and environment; see {@link #startLocal(AnalysisConfig, RestoreMode)}),
   * and returns once it runs; the index templates are applied first so the monthly post indices get their mappings.
   * Stop it with {@link #stop(JobClient, Duration)}.
   */
  public static JobClient startLocal(AnalysisConfig config) throws Exception {
    return startLocal(config, restoreMode(Settings.load(AnalysisConfig.DEFAULTS)));
  }

  /**
   * Starts the job on an in-process MiniCluster and returns once it runs. With {@link RestoreMode#LATEST} it resumes
   * from the newest complete checkpoint retained in {@code analysis.checkpoint.directory} (found by {@link
   * RetainedCheckpoints}; checkpoints survive cancellation and a killed process), or starts from nothing when there is
   * none; with {@link RestoreMode#NONE} it always starts from nothing. A checkpoint that cannot be restored (e.g. the
   * job's stateful operators changed) is an error ({@link RestoreFailedException}, saying what to do), never a silent
   * fresh start.
   */
  public static JobClient startLocal(AnalysisConfig config, RestoreMode restore) throws Exception {
    RetainedCheckpoints retained = new RetainedCheckpoints(config.checkpointDirectory());
    RetainedCheckpoint from = restore == RestoreMode.LATEST ? retained.latest().orElse(null) : null;
    if (from != null) {
      LOG.info("analysis job: resuming from {} (analysis.checkpoint.restore: latest)", from);
    } else {
      LOG.info("analysis job: starting from nothing ({})", restore == RestoreMode.NONE
          ? "analysis.checkpoint.restore: none" : "no complete checkpoint in " + config.checkpointDirectory());
    }
    StreamExecutionEnvironment env = Environments.local(config, from == null ? null : from.pointer());
    job(config).build(env);
    JobClient client;
    try {
      client = env.executeAsync(MinshengJob.JOB_NAME);
    } catch (Exception e) {
      if (from != null) {
        throw new RestoreFailedException(from, e);
      }
      throw e;
    }
    if (from != null) {
      awaitRestored(client, from, RESTORE_TIMEOUT);
      retained.deleteSuperseded(from);
    }
    LOG.info("analysis job {} started on a local MiniCluster (parallelism {}): spool {} → Elasticsearch {}",
        client.getJobID(), config.parallelism(), config.spoolDirectory(), config.elasticsearchUrl());
    return client;
  }

  /** {@code analysis.checkpoint.restore}. */
  public static RestoreMode restoreMode(Settings settings) {
    return RestoreMode.parse(settings.string("analysis.checkpoint.restore"));
  }

  /** How long a restoring job may take to reach RUNNING (its state is read while it initialises). */
  static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Waits until a job restoring from {@code from} runs; a job that failed on the way (state that does not fit the job
   * graph fails its initialisation) becomes a {@link RestoreFailedException}.
   */
  private static void awaitRestored(JobClient client, RetainedCheckpoint from, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JobStatus status = client.getJobStatus().get(30, TimeUnit.SECONDS);
      if (status == JobStatus.RUNNING) {
        return;
      }
      if (status.isGloballyTerminalState()) {
        Throwable cause;
        try {
          client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
          cause = new IllegalStateException("the job ended at once with status " + status);
        } catch (ExecutionException e) {
          cause = e.getCause() == null ? e : e.getCause();
        }
        throw new RestoreFailedException(from, cause);
      }
      if (System.nanoTime() > deadline) {
        LOG.warn("analysis job {} still {} after {} s of restoring from {}; not waiting longer", client.getJobID(),
            status, timeout.toSeconds(), from);
        return;
      }
      Thread.sleep(50);
    }
  }

  /**
   * Cancels the job and waits until it has ended (for a job from {@link #startLocal}, its MiniCluster shuts down with
   * it). A job that had already ended is fine.
   */
  public static void stop(JobClient client, Duration timeout) throws Exception {
    long millis = timeout.toMillis();
    try {
      client.cancel().get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      LOG.info("analysis job {}: cancel not needed or refused ({}), waiting for its end", client.getJobID(),
          e.getCause() == null ? e : e.getCause().toString());
    }
    try {
      client.getJobExecutionResult().get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // the normal outcome of a cancelled job: its result future fails with the cancellation
      LOG.debug("analysis job {} ended: {}", client.getJobID(), e.getCause() == null ? e : e.getCause().toString());
    } catch (TimeoutException e) {
      throw new TimeoutException("analysis job " + client.getJobID() + " did not stop within " + timeout);
    }
    LOG.info("analysis job {} stopped", client.getJobID());
  }

  /** The job with the configured source, Elasticsearch sinks and settings; applies the index templates first. */
  public static MinshengJob job(AnalysisConfig config) {
    Settings es = EsSettings.loadDefaults();
    EsSettings connection = EsSettings.from(es).withUrl(config.elasticsearchUrl());
    IndexTemplates templates = IndexTemplates.from(es);
    try (EsConnection c = EsConnection.open(connection)) {
      templates.apply(c.client());
    }
    return job(config, source(config), connection, templates.names());
  }

  /** The job over {@code source}, writing to the cluster at {@code connection} (templates already applied). */
  public static MinshengJob job(AnalysisConfig config, PostsSource source, EsSettings connection, IndexNames names) {
    ElasticsearchSink<AnalyzedPost> posts = ElasticsearchSink.<AnalyzedPost>builder()
        .connection(connection)
        .converter(PostDocumentConverter.textStages(names.posts(), Clock.systemUTC()))
        .deadLetterIndex(names.deadLetters())
        .build();
    ElasticsearchSink<DeadLetter> deadLetters = ElasticsearchSink.<DeadLetter>builder()
        .connection(connection)
        .converter(new org.minsheng.analysis.sink.DeadLetterDocumentConverter(names.deadLetters()))
        .deadLetterIndex(names.deadLetters())
        .build();
    ElasticsearchSink<Alert> alerts = ElasticsearchSink.<Alert>builder()
        .connection(connection)
        .converter(new AlertDocumentConverter(names.alerts(), config.job().alerts().content.channels))
        .deadLetterIndex(names.deadLetters())
        .flushInterval(config.job().alerts().sink.flushInterval)
        .build();
    ElasticsearchSink<TopicUpdate> topics = ElasticsearchSink.<TopicUpdate>builder()
        .connection(connection)
        .converter(new TopicDocumentConverter(names.topics()))
        .deadLetterIndex(names.deadLetters())
        .build();
    ElasticsearchSink<TrendRollup> trends = ElasticsearchSink.<TrendRollup>builder()
        .connection(connection)
        .converter(new TrendDocumentConverter(names.trends()))
        .deadLetterIndex(names.deadLetters())
        .build();
    ElasticsearchSink<AnalyzedPost> postTopicFields = ElasticsearchSink.<AnalyzedPost>builder()
        .connection(connection)
        .converter(PostDocumentConverter.topicStages(names.posts(), Clock.systemUTC()))
        .deadLetterIndex(names.deadLetters())
        .build();
    ElasticsearchSink<ReprintUpdate> reprints = ElasticsearchSink.<ReprintUpdate>builder()
        .connection(connection)
        .converter(new ReprintDocumentConverter(names.posts()))
        .deadLetterIndex(names.deadLetters())
        .build();
    return new MinshengJob(source, JobSinks.of(posts, deadLetters).withAlerts(alerts)
        .withTopics(topics, trends, postTopicFields, reprints), config.job());
  }

  /** The source named by {@code handoff.type}: {@code spool} or {@code kafka}. */
  public static PostsSource source(AnalysisConfig config) {
    switch (config.handoffType()) {
      case "spool":
        return SpoolDirectorySource.continuous(config.spoolDirectory(), config.discoveryInterval());
      case "kafka":
        return KafkaPostsSource.continuous(config.kafka());
      default:
        throw new IllegalArgumentException("handoff.type '" + config.handoffType()
            + "' is not supported by the analysis job (supported: spool, kafka)");
    }
  }
}
