package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.minsheng.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng cluster stop}: cancels the jobs (checkpoints retained) and ends every cluster process. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = {
        "Cancels the running jobs (their last checkpoint is retained: resume with `cluster submit --from-checkpoint`)",
        "and stops the TaskManagers and the JobManager: SIGTERM, then SIGKILL after --grace."})
public final class ClusterStopCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStopCommand.class);

  @Option(names = "--work", defaultValue = "data/cluster", description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--grace", defaultValue = "PT30S",
      description = "How long to wait after SIGTERM before SIGKILL, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Override
  public List<String> path() {
    return List.of("cluster", "stop");
  }

  @Override
  public Integer call() throws Exception {
    if (!ClusterConfiguration.exists(work)) {
      System.out.println(ClusterJson.noCluster(work));
      return 0;
    }
    ClusterSpec spec = ClusterConfiguration.read(work, JvmLaunchers.ofThisJvm());
    LocalFlinkCluster cluster = LocalFlinkCluster.attach(spec);
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    ArrayNode processes = out.putArray("stopped");
    cluster.jobManager().ifPresent(jm -> processes.add(ClusterJson.process(json, jm)));
    cluster.taskManagers().forEach(tm -> processes.add(ClusterJson.process(json, tm)));
    List<String> cancelled = cluster.cancelJobs(grace);
    ArrayNode c = out.putArray("cancelledJobs");
    cancelled.forEach(c::add);
    // read after the cancellation: a checkpoint may complete while the cancel is under way
    ArrayNode retained = out.putArray("retainedCheckpoints");
    for (String id : cancelled) {
      ObjectNode r = retained.addObject();
      r.put("job", id);
      try {
        r.put("path", cluster.rest().checkpoints(id).path("latest").path("completed").path("external_path")
            .asText(null));
      } catch (IOException e) {
        LOG.warn("cluster: cannot read the last checkpoint of job {}: {}", id, e.toString());
        r.putNull("path");
      }
    }
    cluster.stopProcesses(grace);
    for (JsonNode p : processes) {
      ((ObjectNode) p).put("alive", ProcessHandle.of(p.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false));
    }
    System.out.println(json.writeValueAsString(out));
    return 0;
  }
}
