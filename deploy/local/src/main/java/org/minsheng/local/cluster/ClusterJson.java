package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON pieces shared by the {@code cluster} commands. */
final class ClusterJson {
  private ClusterJson() {}

  static ObjectNode process(ObjectMapper json, FlinkProcess p) {
    ObjectNode node = json.createObjectNode();
    node.put("name", p.name());
    node.put("pid", p.pid());
    node.put("alive", p.isAlive());
    node.put("log", p.logFile().toString());
    return node;
  }

  /** What status and stop print for a work directory in which no cluster was started. */
  static String noCluster(java.nio.file.Path work) {
    return new ObjectMapper().createObjectNode().put("running", false)
        .put("workDirectory", work.toAbsolutePath().normalize().toString())
        .put("message", "no cluster was started with this work directory").toString();
  }
}
