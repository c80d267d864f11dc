package org.minsheng.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic-webhook receiver on 127.0.0.1 (JDK HttpServer): records, per alert id, when its first delivery arrived
 * (wall clock, ms) and the alert's scope key (the watch-list rule name). Answers 200 to everything.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One first delivery. */
  record Arrival(String alertId, String scopeKey, long atMillis) {}

  private final HttpServer server;
  private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      long now = System.currentTimeMillis();
      byte[] in = exchange.getRequestBody().readAllBytes();
      try {
        JsonNode doc = JSON.readTree(new String(in, StandardCharsets.UTF_8));
        String id = doc.path("alertId").asText("");
        arrivals.putIfAbsent(id, new Arrival(id, doc.path("scope").path("key").asText(""), now));
      } catch (IOException e) {
        LOG.warn("webhook receiver: body is not JSON ({}), ignored", e.getMessage());
      }
      byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  Map<String, Arrival> arrivals() {
    return arrivals;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
