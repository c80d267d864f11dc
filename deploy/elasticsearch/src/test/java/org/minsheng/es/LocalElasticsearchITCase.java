package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starts a second, private node (not the shared one) to check start, health and that close leaves nothing running. */
class LocalElasticsearchITCase {

  @Test
  void startsHealthyAndStopsEveryProcess() throws Exception {
    List<ProcessHandle> tree;
    Path nodeDir;
    try (LocalElasticsearch es = LocalElasticsearch.builder().heap("512m").clusterName("minsheng-it").build().start()) {
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(es.url() + "/_cluster/health")).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"cluster_name\":\"minsheng-it\"").doesNotContain("\"status\":\"red\"");
      assertThat(es.url()).startsWith("http://127.0.0.1:");
      tree = es.processTree();
      nodeDir = es.nodeDirectory();
      assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // launcher (runuser or the CLI) + server JVM
      assertThat(tree).allMatch(ProcessHandle::isAlive);
    }
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(Files.exists(nodeDir)).as("temporary node directory deleted").isFalse();
  }
}
