package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention against a scripted cluster on 127.0.0.1 for what a real single node cannot be made to do on cue: another
 * process deleting an index between our listing and our delete (404), and a user without the privilege (403).
 */
class IndexRetentionScriptedClusterITCase {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private EsConnection cluster(Map<String, Integer> deleteStatus) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.add(line);
      int status = 200;
      String body = "{\"acknowledged\":true}";
      if (line.startsWith("GET /_cat/indices/")) {
        body = "[{\"index\":\"minsheng-posts-2020.01\"},{\"index\":\"minsheng-posts-2020.02\"},"
            + "{\"index\":\"minsheng-posts-2026.11\"}]";
      } else if (exchange.getRequestMethod().equals("DELETE")) {
        status = deleteStatus.getOrDefault(exchange.getRequestURI().getPath().substring(1), 200);
        if (status != 200) {
          body = "{\"error\":{\"type\":\"" + (status == 404 ? "index_not_found_exception" : "security_exception")
              + "\",\"reason\":\"scripted " + status + "\"},\"status\":" + status + "}";
        }
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return EsConnection.open(EsSettings.of("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static IndexRetention retention() {
    return new IndexRetention(IndexNames.DEFAULT.posts(), RetentionPeriod.parse("13 months"),
        Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void anIndexAlreadyDeletedByAnotherProcessIsSkippedAndTheRunGoesOn() throws IOException {
    try (EsConnection es = cluster(Map.of("minsheng-posts-2020.01", 404))) {
      IndexRetention.Plan plan = retention().run(es.restClient(), false);
      assertThat(plan.expired()).containsExactly("minsheng-posts-2020.01", "minsheng-posts-2020.02");
      assertThat(plan.deleted()).containsExactly("minsheng-posts-2020.02");
      assertThat(requests).contains("DELETE /minsheng-posts-2020.01", "DELETE /minsheng-posts-2020.02")
          .doesNotContain("DELETE /minsheng-posts-2026.11");
    }
  }

  @Test
  void aMissingPrivilegeStopsTheRunWithAClearMessage() throws IOException {
    try (EsConnection es = cluster(Map.of("minsheng-posts-2020.01", 403))) {
      assertThatThrownBy(() -> retention().run(es.restClient(), false)).isInstanceOf(IllegalStateException.class)
          .hasMessage("retention: cannot delete minsheng-posts-2020.01 (deleted so far: []): Elasticsearch refused the"
              + " request: the user or API key lacks the privilege (403): security_exception: scripted 403");
      assertThat(requests).doesNotContain("DELETE /minsheng-posts-2020.02");
    }
  }

  @Test
  void aDryRunSendsNoDelete() throws IOException {
    try (EsConnection es = cluster(Map.of())) {
      assertThat(retention().run(es.restClient(), true).expired()).hasSize(2);
      assertThat(requests).noneMatch(r -> r.startsWith("DELETE"));
    }
  }
}
