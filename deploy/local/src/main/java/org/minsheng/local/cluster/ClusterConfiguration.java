package org.minsheng.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ClusterOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The Flink configuration of a local cluster, and the files written for it into {@code <work>/conf}:
 * {@code config.yaml} (read by the JobManager and TaskManagers through {@code --configDir}) and
 * {@code log4j2.properties} (each process logs into {@code <work>/log/<role>.log}).
 *
 * <p>Everything listens on 127.0.0.1 only. The classloader resolves parent-first: every process already has the
 * analysis module and its dependencies on its classpath, the submitted jar must not load a second copy of them.
 * Heartbeats are short so that a killed TaskManager is noticed in seconds rather than Flink's default 50 s.
 */
public final class ClusterConfiguration {
  public static final String CONFIG_FILE = "config.yaml";
  public static final String LOG_CONFIG_FILE = "log4j2.properties";

  private ClusterConfiguration() {}

  /** The cluster-wide configuration for {@code spec}. */
  public static Configuration of(ClusterSpec spec) {
    Configuration c = new Configuration();
    c.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    c.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(JobManagerOptions.PORT, spec.rpcPort());
    c.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(spec.jobManagerMemory()));
    c.set(RestOptions.ADDRESS, "127.0.0.1");
    c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    c.set(RestOptions.PORT, spec.restPort());
    c.set(BlobServerOptions.PORT, "0");
    c.set(TaskManagerOptions.HOST, "127.0.0.1");
    c.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(TaskManagerOptions.NUM_TASK_SLOTS, spec.slotsPerTaskManager());
    c.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(spec.taskManagerMemory()));
    c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(spec.managedMemory()));
    c.set(CoreOptions.DEFAULT_PARALLELISM, spec.taskManagers() * spec.slotsPerTaskManager());
    c.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
    c.set(CoreOptions.TMP_DIRS, spec.tmpDirectory().toString());
    Duration timeout = spec.heartbeatTimeout();
    c.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, timeout);
    c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(Math.max(200, timeout.toMillis() / 10)));
    // a TaskManager that starts before the ResourceManager is up retries after 1 s instead of Flink's 10 s
    c.set(ClusterOptions.ERROR_REGISTRATION_DELAY, Duration.ofSeconds(1));
    c.set(ClusterOptions.REFUSED_REGISTRATION_DELAY, Duration.ofSeconds(1));
    c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, spec.checkpointDirectory().toUri().toString());
    c.setString("web.tmpdir", spec.tmpDirectory().resolve("web").toString());
    return c;
  }

  /** True if a cluster was ever started with this work directory (its {@code config.yaml} exists). */
  public static boolean exists(Path workDirectory) {
    return Files.isRegularFile(workDirectory.toAbsolutePath().normalize().resolve("conf").resolve(CONFIG_FILE));
  }

  /**
   * The spec of the cluster whose {@code config.yaml} is in {@code <workDirectory>/conf} (ports, TaskManager size),
   * for commands that act on a running cluster.
   */
  public static ClusterSpec read(Path workDirectory, ClusterSpec.JvmLauncher launcher) {
    Path conf = workDirectory.toAbsolutePath().normalize().resolve("conf");
    if (!Files.isRegularFile(conf.resolve(CONFIG_FILE))) {
      throw new IllegalStateException("no cluster configuration at " + conf.resolve(CONFIG_FILE)
          + ": start a cluster with `./minsheng cluster start --work " + workDirectory + "` first");
    }
    Configuration c = GlobalConfiguration.loadConfiguration(conf.toString());
    ClusterSpec defaults = ClusterSpec.defaults(workDirectory, launcher);
    return new ClusterSpec(workDirectory, c.get(RestOptions.PORT), c.get(JobManagerOptions.PORT),
        defaults.taskManagers(), c.get(TaskManagerOptions.NUM_TASK_SLOTS),
        c.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).toString(), c.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).toString(),
        c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE).toString(), c.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT),
        launcher);
  }

  /** Writes {@code config.yaml} and {@code log4j2.properties} into the spec's config directory. */
  public static void write(ClusterSpec spec) throws IOException {
    Files.createDirectories(spec.configDirectory());
    Files.createDirectories(spec.logDirectory());
    Files.createDirectories(spec.tmpDirectory());
    Files.writeString(spec.configDirectory().resolve(CONFIG_FILE), yaml(of(spec)), StandardCharsets.UTF_8);
    Files.writeString(spec.configDirectory().resolve(LOG_CONFIG_FILE), LOG4J, StandardCharsets.UTF_8);
  }

  /** Flat {@code key: "value"} lines (Flink 2 reads flattened keys in config.yaml), sorted by key. */
  static String yaml(Configuration conf) {
    StringBuilder out = new StringBuilder("# Written by ./minsheng cluster start; regenerated at every start.\n");
    Map<String, String> sorted = new TreeMap<>(conf.toMap());
    sorted.forEach((k, v) -> out.append(k).append(": ").append(quote(v)).append('\n'));
    return out.toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static final String LOG4J = String.join("\n",
      "# Written by ./minsheng cluster start. Each process logs into the file named by -Dlog.file.",
      "monitorInterval = 0",
      "rootLogger.level = INFO",
      "rootLogger.appenderRef.main.ref = MainAppender",
      "logger.pekko.name = org.apache.pekko",
      "logger.pekko.level = WARN",
      "logger.kafka.name = org.apache.kafka",
      "logger.kafka.level = WARN",
      "logger.es.name = org.elasticsearch.client",
      "logger.es.level = WARN",
      "appender.main.name = MainAppender",
      "appender.main.type = File",
      "appender.main.append = true",
      "appender.main.fileName = ${sys:log.file}",
      "appender.main.layout.type = PatternLayout",
      "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5level %-60c %x - %m%n",
      "");
}
