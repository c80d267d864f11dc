package org.minsheng.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The few read-only Elasticsearch calls the harnesses make ({@code _count}, {@code _search}), over plain HTTP so the
 * measurement does not depend on the client the job uses. A missing index counts as empty.
 */
public final class EsHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public EsHttp(String url) {
    this.url = Objects.requireNonNull(url, "url").replaceAll("/+$", "");
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** Documents in {@code index} matching {@code query} (a query DSL object); 0 when the index does not exist. */
  public long count(String index, JsonNode query) throws IOException, InterruptedException {
    JsonNode body = JSON.createObjectNode().set("query", query);
    JsonNode r = post("/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true", body);
    return r == null ? 0 : r.path("count").asLong();
  }

  /** A search; null when the index does not exist. */
  public JsonNode search(String index, JsonNode body) throws IOException, InterruptedException {
    return post("/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", body);
  }

  private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    // a monthly index the sink has just created answers 503 until its shard is allocated: wait, up to ~10 s
    for (int retry = 0; response.statusCode() == 503 && retry < 40; retry++) {
      Thread.sleep(250);
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("Elasticsearch " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
