package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted {@code POST /_bulk} endpoint on 127.0.0.1 (JDK HttpServer): each request is parsed into its operations
 * and answered by the {@link Script}; every request and the time its answer was sent are recorded.
 */
final class FakeBulkServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One index operation of a received bulk request. */
  /** One bulk operation: {@code kind} is index, create or update; {@code action} the action line's body. */
  record Op(String index, String id, JsonNode source, String kind, JsonNode action) {}

  /** One received bulk request. */
  record Received(List<Op> ops, long answeredAtNanos) {}

  /** The answer to one request. */
  record Reply(int status, String body, long delayMillis) {}

  @FunctionalInterface
  interface Script {
    /** {@code request} counts from 0. */
    Reply answer(int request, List<Op> ops);
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Script script;

  FakeBulkServer(Script script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return Collections.unmodifiableList(received);
  }

  /** Every operation received, in order, across requests. */
  List<Op> allOps() {
    List<Op> all = new ArrayList<>();
    received.forEach(r -> all.addAll(r.ops()));
    return all;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!exchange.getRequestURI().getPath().equals("/_bulk")) {
        send(exchange, new Reply(404, "{\"error\":{\"type\":\"not_found\",\"reason\":\"only _bulk\"},\"status\":404}", 0));
        return;
      }
      List<Op> ops = parse(body);
      Reply reply = script.answer(received.size(), ops);
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      long answeredAt = System.nanoTime();
      received.add(new Received(ops, answeredAt));
      send(exchange, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static List<Op> parse(String ndjson) {
    List<Op> ops = new ArrayList<>();
    String[] lines = ndjson.split("\n");
    try {
      for (int i = 0; i + 1 < lines.length; i += 2) {
        JsonNode line = JSON.readTree(lines[i]);
        String kind = line.fieldNames().next();
        JsonNode action = line.path(kind);
        ops.add(new Op(action.path("_index").asText(), action.path("_id").asText(), JSON.readTree(lines[i + 1]), kind,
            action));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bad bulk body: " + ndjson, e);
    }
    return ops;
  }

  // --- replies -------------------------------------------------------------------------------------------------

  /** Every operation succeeds. */
  static Reply ok(List<Op> ops) {
    int[] statuses = new int[ops.size()];
    java.util.Arrays.fill(statuses, 201);
    return items(ops, statuses);
  }

  /** Per-item statuses: 2xx = success, otherwise an error item of that status. */
  static Reply items(List<Op> ops, int... statuses) {
    ObjectNode root = JSON.createObjectNode();
    root.put("took", 1);
    boolean errors = false;
    ArrayNode items = root.putArray("items");
    for (int i = 0; i < ops.size(); i++) {
      ObjectNode item = items.addObject().putObject(ops.get(i).kind());
      item.put("_index", ops.get(i).index()).put("_id", ops.get(i).id()).put("status", statuses[i]);
      if (statuses[i] < 300) {
        item.put("result", "created").put("_version", 1).put("_seq_no", i).put("_primary_term", 1);
        item.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
      } else {
        errors = true;
        String type = statuses[i] == 429 ? "es_rejected_execution_exception"
            : statuses[i] == 409 ? "version_conflict_engine_exception"
            : statuses[i] >= 500 ? "unavailable_shards_exception" : "document_parsing_exception";
        item.putObject("error").put("type", type).put("reason", "[" + type + "] item " + i + " failed");
      }
    }
    root.put("errors", errors);
    return new Reply(200, root.toString(), 0);
  }

  /** The whole request fails with {@code status}. */
  static Reply whole(int status, String type) {
    return new Reply(status, "{\"error\":{\"root_cause\":[],\"type\":\"" + type + "\",\"reason\":\"" + type
        + " for the test\"},\"status\":" + status + "}", 0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
