package org.minsheng.ingest.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.minsheng.ingest.source.SourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes source health documents to the {@code minsheng-sources} index (id = source name, fields per
 * docs/ARCHITECTURE.md) with one small JSON PUT each over java.net.http: a handful of documents every stats interval
 * does not justify pulling the Elasticsearch client into the crawler. Failures are logged, never fatal.
 */
public final class SourcesIndexWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SourcesIndexWriter.class);
  public static final String INDEX = "minsheng-sources";

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  public SourcesIndexWriter(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The document for one source (exposed for tests). */
  public ObjectNode document(SourceHealth h, Instant now) {
    ObjectNode doc = json.createObjectNode();
    doc.put("source", h.source());
    doc.put("platform", h.platform());
    doc.put("fetched", h.fetched());
    doc.put("posts", h.posts());
    doc.put("skipped", h.skipped());
    doc.put("errors", h.errors());
    doc.put("blocked", h.blocked());
    doc.put("healthy", h.healthy());
    if (h.reason() != null) {
      doc.put("reason", h.reason());
    }
    if (h.lastSuccess() != null) {
      doc.put("lastSuccess", h.lastSuccess().toString());
    }
    if (h.lastError() != null) {
      doc.put("lastError", h.lastError().toString());
    }
    doc.put("updatedAt", now.toString());
    return doc;
  }

  public void write(Iterable<SourceHealth> healths) {
    Instant now = Instant.now();
    for (SourceHealth h : healths) {
      try {
        URI uri = URI.create(baseUrl + "/" + INDEX + "/_doc/" + URLEncoder.encode(h.source(), StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(document(h, now)), StandardCharsets.UTF_8))
            .build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (resp.statusCode() >= 300) {
          LOG.warn("writing source health of {} to {} failed: HTTP {} {}", h.source(), uri, resp.statusCode(),
              resp.body().length() > 300 ? resp.body().substring(0, 300) : resp.body());
        }
      } catch (IOException e) {
        LOG.warn("writing source health of {} to {} failed: {}", h.source(), baseUrl, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
