package org.minsheng.local.cluster;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.Environments;
import org.minsheng.analysis.job.MinshengJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the analysis job to a running cluster's Dispatcher through its REST API ({@code POST /jobs}, Flink's
 * {@code RestClusterClient} behind a remote environment): the job graph is declared here exactly as
 * {@code AnalysisMain} declares it, and the analysis module's jar is uploaded with it as the job's user artifact.
 * The cluster processes have that jar and every dependency on their own classpath (parent-first class loading), so
 * the uploaded jar never loads a second copy of a class.
 */
public final class ClusterJobSubmitter {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterJobSubmitter.class);

  private final String host;
  private final int restPort;

  public ClusterJobSubmitter(String host, int restPort) {
    this.host = host;
    this.restPort = restPort;
  }

  /**
   * The job's configuration: the analysis module's checkpoint storage ({@link Environments#configuration}),
   * checkpoints retained on cancellation (a later run resumes from them) and a fixed-delay restart strategy.
   */
  public static Configuration jobConfiguration(AnalysisConfig config, int restartAttempts, Duration restartDelay) {
    Configuration c = Environments.configuration(config);
    c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restartDelay);
    return c;
  }

  /** Declares {@code job} with {@code parallelism} and submits it; returns once the Dispatcher accepted it. */
  public JobID submit(MinshengJob job, Configuration jobConfiguration, int parallelism) throws Exception {
    List<String> jars = analysisJar().map(p -> List.of(p.toString())).orElse(List.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, restPort,
        jobConfiguration, jars.toArray(String[]::new));
    env.configure(jobConfiguration);
    env.setParallelism(parallelism);
    job.build(env);
    JobClient client = env.executeAsync(MinshengJob.JOB_NAME);
    LOG.info("cluster: job {} submitted to http://{}:{} (parallelism {}, jar {})", client.getJobID(), host, restPort,
        parallelism, jars.isEmpty() ? "none: analysis classes from a directory" : jars.get(0));
    return client.getJobID();
  }

  /** The jar the analysis classes come from, when they come from a jar (not from a build directory). */
  static Optional<Path> analysisJar() {
    CodeSource source = MinshengJob.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar")
          ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException e) {
      LOG.warn("cluster: cannot locate the analysis jar from {}: {}", source.getLocation(), e.toString());
      return Optional.empty();
    }
  }
}
