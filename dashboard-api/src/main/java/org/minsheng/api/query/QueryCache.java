package org.minsheng.api.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * A small time-to-live cache with single flight, keyed by a normalised request (a record: value equality).
 *
 * <p>Why: a dashboard's panels are the same few queries for every viewer (the default window ends at the current
 * minute), so under load many requests are identical. Only the first one within {@code ttl} goes to Elasticsearch;
 * requests that arrive while it runs wait for its answer instead of sending their own (single flight), and later ones
 * get the stored answer. Failures are never cached: the next request tries again. Values must be immutable or never
 * mutated by callers, as they are shared.
 *
 * <p>Bounded: beyond {@code maxEntries} expired entries are dropped, and if that is not enough the whole cache is
 * cleared (simple, and a dashboard's working set is far below the bound).
 */
public final class QueryCache<K, V> {
  /** Loads a value; may throw {@link IOException} like the query layer. */
  @FunctionalInterface
  public interface Loader<K, V> {
    V load(K key) throws IOException;
  }

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  private record Entry<V>(CompletableFuture<V> value, long createdNanos) {
  }

  /** {@code ttl} zero disables caching (every call loads). */
  public QueryCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("cache.ttl must not be negative, got " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cache.maxEntries must be at least 1, got " + maxEntries);
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  public boolean enabled() {
    return ttlNanos > 0;
  }

  /** Entries currently held (expired ones included until they are evicted). */
  public int size() {
    return entries.size();
  }

  /** The value for {@code key}: a fresh cached one, the one being loaded by another thread, or loaded now. */
  public V get(K key, Loader<K, V> loader) throws IOException {
    if (!enabled()) {
      return loader.load(key);
    }
    long now = nanoTime.getAsLong();
    CompletableFuture<V> mine = new CompletableFuture<>();
    Entry<V> candidate = new Entry<>(mine, now);
    Entry<V> entry = entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old : candidate);
    if (entry == candidate) {
      if (entries.size() > maxEntries) {
        evict(now);
      }
      try {
        V value = loader.load(key);
        mine.complete(value);
        return value;
      } catch (IOException | RuntimeException | Error e) {
        entries.remove(key, candidate);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    return await(entry.value());
  }

  private boolean fresh(Entry<V> e, long now) {
    return now - e.createdNanos() < ttlNanos;
  }

  private void evict(long now) {
    entries.entrySet().removeIf(e -> e.getValue().value().isDone() && !fresh(e.getValue(), now));
    if (entries.size() > maxEntries) {
      entries.entrySet().removeIf(e -> e.getValue().value().isDone());
    }
  }

  private static <V> V await(CompletableFuture<V> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the same query from another request", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}
