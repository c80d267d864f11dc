package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A private node (not the shared one): start, health, templates, a post document's mapping, and that close leaves no
 * process and no temporary directory behind.
 */
class LocalElasticsearchITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(String method, String url, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void startsHealthyAppliesTemplatesAndStopsEveryProcess() throws Exception {
    List<ProcessHandle> tree;
    Path nodeDir;
    try (LocalElasticsearch es = LocalElasticsearch.builder().heap("512m").clusterName("minsheng-it").build().start()) {
      assertThat(es.url()).startsWith("http://127.0.0.1:");
      HttpResponse<String> health = call("GET", es.url() + "/_cluster/health", null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"cluster_name\":\"minsheng-it\"").doesNotContain("\"status\":\"red\"");
      tree = es.processTree();
      nodeDir = es.nodeDirectory();
      assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // launcher (runuser or the CLI JVM) + server JVM
      assertThat(tree).allMatch(ProcessHandle::isAlive);
      if (ProcessOwner.isRoot()) {
        assertThat(tree).anySatisfy(p -> assertThat(p.info().user()).hasValue(ProcessOwner.DEFAULT_USER));
      }

      try (EsConnection connection = EsConnection.open(EsSettings.of(es.url()))) {
        IndexTemplates.defaults().apply(connection.client());
      }
      assertThat(call("GET", es.url() + "/_index_template/minsheng-posts", null).body()).contains(
          "\"version\":" + IndexTemplates.defaults().template("posts").path("version").asInt());
      assertThat(call("PUT", es.url() + "/minsheng-posts-2026.11/_doc/p1?refresh=true", """
          {"id":"p1","site":"example.cn","text":"城管执法","tokens":["城管","执法"],"publishedAt":"2026-11-02T03:04:05Z",
           "metrics":{"views":10},"spamScore":0.1}""").statusCode()).isEqualTo(201);
      JsonNode mapping = JSON.readTree(call("GET", es.url() + "/minsheng-posts/_mapping", null).body())
          .path("minsheng-posts-2026.11").path("mappings");
      assertThat(mapping.path("dynamic").asText()).isEqualTo("false");
      assertThat(mapping.path("properties").path("publishedAt").path("type").asText()).isEqualTo("date");
      assertThat(mapping.path("properties").path("metrics").path("properties").path("views").path("type").asText())
          .isEqualTo("long");
      assertThat(JSON.readTree(call("GET", es.url() + "/minsheng-posts/_count", null).body()).path("count").asLong())
          .isEqualTo(1);
    }
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(Files.exists(nodeDir)).as("temporary node directory deleted").isFalse();
  }

  @Test
  void nodeStopsWhenItsJvmIsKilledWithSigkill() throws Exception {
    Path stderr = Files.createTempFile("node-in-child-jvm", ".log");
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), NodeInChildJvm.class.getName())
        .redirectError(stderr.toFile()).start();
    try {
      String line;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
        line = out.readLine();
      }
      assertThat(line).as("child JVM output; its log: %s", Files.readString(stderr, StandardCharsets.UTF_8))
          .startsWith("NODE ");
      String[] parts = line.split(" ");
      List<ProcessHandle> node = Arrays.stream(parts[2].split(",")).map(Long::parseLong).map(ProcessHandle::of)
          .flatMap(Optional::stream).toList();
      assertThat(node).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
      assertThat(call("GET", parts[1] + "/_cluster/health", null).statusCode()).isEqualTo(200);

      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      jvm.waitFor();

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (node.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(node).as("node processes after the JVM was killed").noneMatch(ProcessHandle::isAlive);
      // the next start cleans the abandoned directory up (after a minute); here, tidy it ourselves
      ElasticsearchDistribution.deleteTree(Path.of(parts[3]));
    } finally {
      jvm.destroyForcibly();
      Files.deleteIfExists(stderr);
    }
  }
}
