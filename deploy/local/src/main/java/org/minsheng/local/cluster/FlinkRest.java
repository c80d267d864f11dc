package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The few calls of Flink's REST API the local cluster needs (JSON in, JSON out). */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;

  public FlinkRest(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /overview}: TaskManagers, slots, jobs by state. */
  public JsonNode overview() throws IOException {
    return get("/overview");
  }

  /** {@code GET /jobs/overview}: every job with its state. */
  public JsonNode jobs() throws IOException {
    return get("/jobs/overview");
  }

  /** {@code GET /jobs/{id}}: state and per-vertex task states. */
  public JsonNode job(String jobId) throws IOException {
    return get("/jobs/" + jobId);
  }

  /** {@code GET /jobs/{id}/checkpoints}: counts and the latest completed checkpoint (with its external path). */
  public JsonNode checkpoints(String jobId) throws IOException {
    return get("/jobs/" + jobId + "/checkpoints");
  }

  /** {@code GET /taskmanagers}. */
  public JsonNode taskManagers() throws IOException {
    return get("/taskmanagers");
  }

  /** Ids of jobs that are not in a terminal state. */
  public List<String> activeJobIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode job : jobs().path("jobs")) {
      String state = job.path("state").asText();
      if (!List.of("FINISHED", "CANCELED", "FAILED").contains(state)) {
        ids.add(job.path("jid").asText());
      }
    }
    return ids;
  }

  /** {@code PATCH /jobs/{id}?mode=cancel}. */
  public void cancel(String jobId) throws IOException {
    send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId + "?mode=cancel"))
        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
  }

  /** True if the REST endpoint answers at all. */
  public boolean reachable() {
    try {
      overview();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True if every task of every vertex of the job is RUNNING (the job processes again after a failover). */
  public boolean allTasksRunning(String jobId) throws IOException {
    JsonNode job = job(jobId);
    if (!"RUNNING".equals(job.path("state").asText())) {
      return false;
    }
    for (JsonNode vertex : job.path("vertices")) {
      JsonNode counts = vertex.path("tasks");
      if (counts.path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
        return false;
      }
    }
    return job.path("vertices").size() > 0;
  }

  public JsonNode get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + baseUrl, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
  }
}
