package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng cluster start}: a JobManager and TaskManagers as local processes; returns once they are up. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {
        "Starts a local Flink session cluster (no Docker, no Flink distribution): a JobManager and TaskManagers as",
        "separate java processes on this project's classpath, config and logs under --work. Returns once the REST API",
        "shows every TaskManager and slot; the processes keep running until `./minsheng cluster stop`."})
public final class ClusterStartCommand implements CliCommand {
  @Option(names = "--work", defaultValue = "data/cluster",
      description = "Work directory: conf/, log/ (logs and pid files), tmp/, checkpoints/ (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--taskmanagers", defaultValue = "1", description = "TaskManager processes (default: ${DEFAULT-VALUE}).")
  int taskManagers;

  @Option(names = "--slots", defaultValue = "2", description = "Task slots per TaskManager (default: ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--rest-port", defaultValue = "8081",
      description = "JobManager REST port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int restPort;

  @Option(names = "--rpc-port", defaultValue = "6123",
      description = "JobManager RPC port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int rpcPort;

  @Option(names = "--jm-memory", defaultValue = "1024m",
      description = "JobManager process size, jobmanager.memory.process.size (default: ${DEFAULT-VALUE}).")
  String jobManagerMemory;

  @Option(names = "--tm-memory", defaultValue = "2048m",
      description = "TaskManager process size, taskmanager.memory.process.size (default: ${DEFAULT-VALUE}).")
  String taskManagerMemory;

  @Override
  public List<String> path() {
    return List.of("cluster", "start");
  }

  @Override
  public Integer call() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults(work, JvmLaunchers.ofThisJvm())
        .withPorts(restPort, rpcPort)
        .withTaskManagers(taskManagers, slots)
        .withMemory(jobManagerMemory, taskManagerMemory);
    long t0 = System.nanoTime();
    LocalFlinkCluster cluster = LocalFlinkCluster.start(spec);
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("rest", spec.restUrl());
    out.put("workDirectory", spec.workDirectory().toString());
    out.put("startMillis", (System.nanoTime() - t0) / 1_000_000);
    cluster.jobManager().ifPresent(jm -> out.set("jobmanager", ClusterJson.process(json, jm)));
    ArrayNode tms = out.putArray("taskmanagers");
    cluster.taskManagers().forEach(tm -> tms.add(ClusterJson.process(json, tm)));
    out.set("overview", cluster.rest().overview());
    System.out.println(json.writeValueAsString(out));
    return 0;
  }
}
