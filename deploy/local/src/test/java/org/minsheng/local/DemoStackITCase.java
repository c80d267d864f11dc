package org.minsheng.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.es.testing.SharedElasticsearch;

/**
 * The demo end to end: sample sites → crawler → spool → Flink job → Elasticsearch → API, as {@code ./minsheng demo}
 * wires it (on the shared test node instead of a node of its own), until {@code /api/trends} has buckets with posts.
 */
class DemoStackITCase {
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();
  private static final String TOKEN = "demo-stack-itcase-token";

  @TempDir Path data;

  @Test
  void crawledPostsReachTheTrendsEndpointAndCloseStopsEverything() throws Exception {
    ES.reset();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ObjectMapper json = new ObjectMapper();
    String apiUrl;
    try (DemoStack stack = DemoStack.start(new DemoStack.Options(data, 0, 0, "512m", 0, ES.url(),
        Map.of("MINSHENG_DEMO_TOKEN", TOKEN)))) {
      apiUrl = stack.apiUrl();
      assertThat(stack.summary()).contains(apiUrl).contains(TOKEN);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      long volume = 0;
      JsonNode body = null;
      while (volume == 0 && System.nanoTime() < deadline) {
        Thread.sleep(2000);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/trends?interval=1h"))
            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        body = json.readTree(r.body());
        volume = 0;
        for (JsonNode b : body.path("buckets")) {
          volume += b.path("volume").asLong();
        }
      }
      assertThat(volume).as("posts in /api/trends buckets: %s", body).isGreaterThan(0);
      HttpResponse<String> unauthorised = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/trends")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unauthorised.statusCode()).isEqualTo(401);
    }
    try {
      http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("the API still answers after the stack was closed");
    } catch (ConnectException expected) {
      // closed: nothing listens any more
    } catch (IOException other) {
      assertThat(other).hasMessageNotContaining("200");
    }
  }
}
