package org.minsheng.analysis.job;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Execution environments for the job, configured from {@link AnalysisConfig}. */
public final class Environments {
  private Environments() {}

  /** Completed checkpoints kept per job: the newest, and the one before in case the newest cannot be read. */
  public static final int RETAINED_CHECKPOINTS = 2;

  /**
   * The environment's configuration: file-system checkpoint storage in {@code analysis.checkpoint.directory}, the last
   * {@value #RETAINED_CHECKPOINTS} completed checkpoints kept, and kept also when the job is cancelled or its process
   * dies ({@code RETAIN_ON_CANCELLATION}), so that a new start can resume from them ({@code
   * org.minsheng.analysis.job.restore.RetainedCheckpoints}).
   */
  public static Configuration configuration(AnalysisConfig config) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri(config.checkpointDirectory()));
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, RETAINED_CHECKPOINTS);
    return conf;
  }

  /** An in-process MiniCluster environment with {@code analysis.parallelism} slots, starting from nothing. */
  public static StreamExecutionEnvironment local(AnalysisConfig config) {
    return local(config, null);
  }

  /**
   * An in-process MiniCluster environment with {@code analysis.parallelism} slots whose job resumes from the checkpoint
   * or savepoint at {@code restorePath} ({@code execution.state-recovery.path}); null: from nothing.
   */
  public static StreamExecutionEnvironment local(AnalysisConfig config, String restorePath) {
    Configuration conf = configuration(config);
    if (restorePath != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
    env.setParallelism(config.parallelism());
    return env;
  }

  /** The environment of whatever launched us ({@code flink run}, or a local one in an IDE). */
  public static StreamExecutionEnvironment current(AnalysisConfig config) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(config));
    env.setParallelism(config.parallelism());
    return env;
  }

  /** A plain path becomes an absolute file URI; anything with a scheme is kept. */
  static String checkpointUri(String directory) {
    if (directory.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return directory;
    }
    return Path.of(directory).toAbsolutePath().normalize().toUri().toString();
  }
}
