package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.config.Settings;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng cluster submit}: the analysis job onto the running local cluster. */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {
        "Submits the Minsheng analysis job (the topology AnalysisMain runs) to the local cluster's Dispatcher through",
        "its REST API, with the analysis jar as the job's artifact. Settings come from minsheng-analysis.yaml,",
        "--config, MINSHENG_* variables and --set, in that order. Prints the job id as JSON."})
public final class ClusterSubmitCommand implements CliCommand {
  @Option(names = "--work", defaultValue = "data/cluster", description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--config", description = "A YAML file layered over minsheng-analysis.yaml.")
  Path config;

  @Option(names = "--set", description = "A setting of minsheng-analysis.yaml, path=value, e.g."
      + " analysis.eventTime.maxOutOfOrderness=PT0S (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--spool", description = "Spool directory to read (default: handoff.spool.directory).")
  Path spool;

  @Option(names = "--es-url", description = "Elasticsearch URL (default: elasticsearch.url).")
  String elasticsearchUrl;

  @Option(names = "--parallelism", description = "Job parallelism (default: analysis.parallelism).")
  Integer parallelism;

  @Option(names = "--checkpoint-interval", description = "ISO-8601 (default: analysis.checkpoint.interval).")
  Duration checkpointInterval;

  @Option(names = "--checkpoint-dir", description = "Checkpoint directory (default: <work>/checkpoints).")
  Path checkpointDirectory;

  @Option(names = "--restart-attempts", defaultValue = "10",
      description = "Fixed-delay restart strategy: attempts (default: ${DEFAULT-VALUE}).")
  int restartAttempts;

  @Option(names = "--restart-delay", defaultValue = "PT2S",
      description = "Fixed-delay restart strategy: delay, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration restartDelay;

  @Option(names = "--from-checkpoint",
      description = "Resume from this retained checkpoint or savepoint (as printed by `cluster stop`).")
  String fromCheckpoint;

  @Override
  public List<String> path() {
    return List.of("cluster", "submit");
  }

  @Override
  public Integer call() throws Exception {
    ClusterSpec spec = ClusterConfiguration.read(work, JvmLaunchers.ofThisJvm());
    AnalysisConfig analysis = analysisConfig(System.getenv(), spec);
    Configuration jobConf = ClusterJobSubmitter.jobConfiguration(analysis, restartAttempts, restartDelay);
    if (fromCheckpoint != null) {
      jobConf.set(StateRecoveryOptions.SAVEPOINT_PATH, fromCheckpoint);
    }
    JobID id = new ClusterJobSubmitter("127.0.0.1", spec.restPort())
        .submit(AnalysisMain.job(analysis), jobConf, analysis.parallelism());
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("jobId", id.toHexString());
    out.put("rest", spec.restUrl());
    out.put("parallelism", analysis.parallelism());
    out.put("spool", analysis.spoolDirectory());
    out.put("elasticsearch", analysis.elasticsearchUrl());
    out.put("checkpoints", analysis.checkpointDirectory());
    if (fromCheckpoint != null) {
      out.put("restoredFrom", fromCheckpoint);
    }
    System.out.println(json.writeValueAsString(out));
    return 0;
  }

  /** The layered settings, with paths made absolute (the cluster processes run in another directory). */
  AnalysisConfig analysisConfig(Map<String, String> environment, ClusterSpec spec) {
    Map<String, String> env = new HashMap<>(environment);
    set.forEach((path, value) -> env.put(envName(path), value));
    AnalysisConfig c = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, config, env));
    if (parallelism != null || spool != null || elasticsearchUrl != null) {
      c = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, config, withOptions(env)));
    }
    Path spoolDir = Path.of(c.spoolDirectory()).toAbsolutePath().normalize();
    Path checkpoints = checkpointDirectory != null ? checkpointDirectory : spec.checkpointDirectory();
    return c.withSpoolDirectory(spoolDir.toString())
        .withCheckpoints(checkpoints.toAbsolutePath().normalize().toString(),
            checkpointInterval != null ? checkpointInterval : c.job().checkpointInterval());
  }

  private Map<String, String> withOptions(Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    if (parallelism != null) {
      e.put(envName("analysis.parallelism"), Integer.toString(parallelism));
    }
    if (spool != null) {
      e.put(envName("handoff.spool.directory"), spool.toString());
    }
    if (elasticsearchUrl != null) {
      e.put(envName("elasticsearch.url"), elasticsearchUrl);
    }
    return e;
  }

  /** {@code analysis.eventTime.maxOutOfOrderness} → {@code MINSHENG_ANALYSIS_EVENTTIME_MAXOUTOFORDERNESS}. */
  static String envName(String path) {
    return Settings.ENV_PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
