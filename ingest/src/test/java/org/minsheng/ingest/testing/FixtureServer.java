package org.minsheng.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on 127.0.0.1 for fixture sites: routes by path (query ignored unless a route with the query is
 * registered), counts and timestamps requests per path.
 */
public final class FixtureServer implements AutoCloseable {
  static {
    // The JDK HttpServer leaves Nagle's algorithm on; with keep-alive that adds ~40 ms (delayed ACK) to every small
    // response and makes a loopback site look slow. Only our own loopback servers use this JDK class.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }


  /** Handles one exchange. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange ex, int hit) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final Map<String, List<Long>> times = new ConcurrentHashMap<>();

  public FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fixture-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::dispatch);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FixtureServer route(String pathAndQuery, Handler h) {
    routes.put(pathAndQuery, h);
    return this;
  }

  public int hits(String pathAndQuery) {
    AtomicInteger n = hits.get(pathAndQuery);
    return n == null ? 0 : n.get();
  }

  public List<Long> times(String pathAndQuery) {
    return times.getOrDefault(pathAndQuery, List.of());
  }

  public List<String> log() {
    return log;
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String full = query == null ? path : path + "?" + query;
    String key = routes.containsKey(full) ? full : path;
    log.add(full);
    int hit = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    times.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    Handler h = routes.get(key);
    try {
      if (h == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex, hit);
      }
    } catch (IOException e) {
      // client went away (size cap, timeout): expected in some tests
    } finally {
      ex.close();
    }
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static Handler text(String contentType, String body) {
    return (ex, hit) -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static Handler bytes(String contentType, byte[] body) {
    return (ex, hit) -> send(ex, 200, contentType, body);
  }

  public static Handler encoded(String contentType, String body, Charset cs) {
    return (ex, hit) -> send(ex, 200, contentType, body.getBytes(cs));
  }

  public static Handler redirect(int status, String location) {
    return (ex, hit) -> {
      ex.getResponseHeaders().set("Location", location);
      ex.sendResponseHeaders(status, -1);
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
