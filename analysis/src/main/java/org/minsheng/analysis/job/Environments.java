package org.minsheng.analysis.job;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Execution environments for the job, configured from {@link AnalysisConfig}. */
public final class Environments {
  private Environments() {}

  /** The environment's configuration: file-system checkpoint storage in {@code analysis.checkpoint.directory}. */
  public static Configuration configuration(AnalysisConfig config) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri(config.checkpointDirectory()));
    return conf;
  }

  /** An in-process MiniCluster environment with {@code analysis.parallelism} slots. */
  public static StreamExecutionEnvironment local(AnalysisConfig config) {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), configuration(config));
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
