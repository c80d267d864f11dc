package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng cluster status}: processes, the REST overview and every job's state and last checkpoint. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Prints the local cluster's processes, its REST overview and its jobs (state, checkpoints) as JSON.")
public final class ClusterStatusCommand implements CliCommand {
  @Option(names = "--work", defaultValue = "data/cluster", description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public List<String> path() {
    return List.of("cluster", "status");
  }

  @Override
  public Integer call() throws Exception {
    if (!ClusterConfiguration.exists(work)) {
      System.out.println(ClusterJson.noCluster(work));
      return 3;
    }
    ClusterSpec spec = ClusterConfiguration.read(work, JvmLaunchers.ofThisJvm());
    LocalFlinkCluster cluster = LocalFlinkCluster.attach(spec);
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("rest", spec.restUrl());
    out.put("running", cluster.isRunning());
    cluster.jobManager().ifPresent(jm -> out.set("jobmanager", ClusterJson.process(json, jm)));
    ArrayNode tms = out.putArray("taskmanagers");
    cluster.taskManagers().forEach(tm -> tms.add(ClusterJson.process(json, tm)));
    if (cluster.isRunning()) {
      try {
        out.set("overview", cluster.rest().overview());
        ArrayNode jobs = out.putArray("jobs");
        for (JsonNode job : cluster.rest().jobs().path("jobs")) {
          ObjectNode j = jobs.addObject();
          String id = job.path("jid").asText();
          j.put("id", id);
          j.put("name", job.path("name").asText());
          j.put("state", job.path("state").asText());
          j.set("tasks", job.path("tasks"));
          JsonNode checkpoints = cluster.rest().checkpoints(id);
          j.set("checkpointCounts", checkpoints.path("counts"));
          j.set("lastCheckpoint", checkpoints.path("latest").path("completed"));
        }
      } catch (IOException e) {
        out.put("restError", e.getMessage());
      }
    }
    System.out.println(json.writeValueAsString(out));
    return cluster.isRunning() ? 0 : 3;
  }
}
