package org.minsheng.api.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.minsheng.api.query.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live alert feed: one poller reads {@code minsheng-alerts} for documents whose {@code updatedAt} moved on and
 * sends each new or changed alert to every subscriber (server-sent events {@code alert}). Polls overlap by
 * {@link #OVERLAP} because a document may become searchable (refresh) after a later one; (id, updatedAt) pairs already
 * sent are remembered for that long, so nothing is sent twice and nothing late is missed.
 */
public final class AlertStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
  static final Duration OVERLAP = Duration.ofSeconds(10);
  private static final int BATCH = 200;
  /** Comment lines keep idle connections (proxies, Jetty's idle timeout) from being closed between alerts. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final AlertStore store;
  private final Duration pollInterval;
  private final Clock clock;
  private final List<Consumer<ObjectNode>> subscribers = new CopyOnWriteArrayList<>();
  private final List<SseClient> clients = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> sent = new LinkedHashMap<>();
  private Instant cursor;
  private ScheduledExecutorService executor;

  public AlertStream(AlertStore store, Duration pollInterval, Clock clock) {
    this.store = store;
    this.pollInterval = pollInterval;
    this.clock = clock;
    this.cursor = clock.instant();
  }

  /** Starts polling on a daemon thread. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "minsheng-alert-stream");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    for (SseClient client : clients) {
      if (client.terminated()) {
        clients.remove(client);
      } else {
        client.sendComment("keep-alive");
      }
    }
  }

  public void subscribe(Consumer<ObjectNode> subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Consumer<ObjectNode> subscriber) {
    subscribers.remove(subscriber);
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** Registers an SSE client: a {@code ready} event now, then one {@code alert} event per new or changed alert. */
  public void register(SseClient client) {
    Consumer<ObjectNode> subscriber = alert -> {
      if (!client.terminated()) {
        client.sendEvent("alert", alert.toString(), alert.path("alertId").asText(null));
      }
    };
    client.keepAlive();
    client.onClose(() -> {
      unsubscribe(subscriber);
      clients.remove(client);
    });
    subscribe(subscriber);
    clients.add(client);
    client.sendEvent("ready", "{\"pollIntervalMs\":" + pollInterval.toMillis() + "}");
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Alert stream poll failed (will retry in {}): {}", pollInterval, e.toString());
    }
  }

  /** One poll: sends what changed since the cursor (outside the lock, so a slow client never blocks bookkeeping). */
  public int poll() throws IOException {
    List<ObjectNode> fresh = collect();
    for (ObjectNode alert : fresh) {
      for (Consumer<ObjectNode> s : subscribers) {
        try {
          s.accept(alert);
        } catch (RuntimeException e) {
          LOG.info("Dropping a live-alert subscriber that failed: {}", e.toString());
          subscribers.remove(s);
        }
      }
    }
    return fresh.size();
  }

  private synchronized List<ObjectNode> collect() throws IOException {
    List<ObjectNode> changed = store.updatedSince(cursor.minus(OVERLAP), BATCH);
    List<ObjectNode> fresh = new java.util.ArrayList<>();
    for (ObjectNode alert : changed) {
      String id = alert.path("alertId").asText("");
      Instant updatedAt = parse(alert.path("updatedAt").asText(null));
      if (id.isEmpty() || updatedAt == null) {
        LOG.warn("Skipping alert without alertId/updatedAt in the live stream: {}", alert);
        continue;
      }
      String key = id + "@" + updatedAt.toEpochMilli();
      if (sent.containsKey(key) || updatedAt.isBefore(cursor.minus(OVERLAP))) {
        continue;
      }
      sent.put(key, updatedAt);
      if (updatedAt.isAfter(cursor)) {
        cursor = updatedAt;
      }
      fresh.add(alert);
    }
    Instant horizon = cursor.minus(OVERLAP);
    for (Iterator<Instant> it = sent.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(horizon)) {
        it.remove();
      }
    }
    Instant now = clock.instant();
    if (changed.isEmpty() && now.minus(OVERLAP).isAfter(cursor)) {
      cursor = now.minus(OVERLAP);
    }
    return fresh;
  }

  private static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (RuntimeException e2) {
        return text.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(text)) : null;
      }
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    subscribers.clear();
    clients.forEach(SseClient::close);
    clients.clear();
  }
}
