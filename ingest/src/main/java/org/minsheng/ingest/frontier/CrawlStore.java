package org.minsheng.ingest.frontier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler's durable state in one H2 MVStore file: the frontier (queued work), the seen-set of one-shot pages, the
 * ids of posts already handed over, and HTTP validators for conditional GETs.
 *
 * <p>Why MVStore: it is already a dependency, embedded (no server), a single file, and gives atomic multi-map commits
 * with copy-on-write pages, so a {@code kill -9} leaves the last committed state intact (uncommitted changes are
 * simply lost). Auto-commit is disabled: every state change that matters is committed explicitly, so "post handed
 * over", "new links queued" and "entry done" become durable together in {@link #complete}.
 *
 * <p>Entries being worked on are claimed in memory only; after a crash they are unclaimed and are fetched again.
 * Thread-safe (methods synchronise on the store).
 */
public final class CrawlStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlStore.class);

  private final MVStore store;
  private final MVMap<Long, String> frontier;
  private final MVMap<String, Long> queuedKeys;
  private final MVMap<String, Long> seenPages;
  private final MVMap<String, Long> handedOver;
  private final MVMap<String, String> validators;
  private final MVMap<String, String> failed;
  private final MVMap<String, Long> meta;
  private final MVMap<String, String> intent;
  private final Set<Long> claimed = new HashSet<>();
  /** Decoded frontier entries by sequence number, so scans do not parse JSON again and again. */
  private final Map<Long, FrontierEntry> decoded = new java.util.HashMap<>();
  private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A claimed entry: its frontier sequence number and content. */
  public record Claim(long seq, FrontierEntry entry) {}

  public CrawlStore(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory for crawl store " + file, e);
    }
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    this.frontier = store.openMap("frontier");
    this.queuedKeys = store.openMap("queuedKeys");
    this.seenPages = store.openMap("seenPages");
    this.handedOver = store.openMap("handedOver");
    this.validators = store.openMap("validators");
    this.failed = store.openMap("failed");
    this.meta = store.openMap("meta");
    this.intent = store.openMap("intent");
    LOG.info("crawl store {}: {} queued, {} pages seen, {} posts handed over", file, frontier.size(), seenPages.size(),
        handedOver.size());
  }

  private long nextSeq() {
    long seq = meta.getOrDefault("seq", 0L) + 1;
    meta.put("seq", seq);
    return seq;
  }

  /** Queues a seed (a polled listing) unless the same entry is already queued. Commits. */
  public synchronized boolean offerSeed(FrontierEntry entry) {
    boolean added = enqueue(entry, false);
    store.commit();
    return added;
  }

  private boolean enqueue(FrontierEntry entry, boolean respectSeen) {
    String key = entry.key();
    if (queuedKeys.containsKey(key) || (respectSeen && seenPages.containsKey(key))) {
      return false;
    }
    long seq = nextSeq();
    frontier.put(seq, encode(entry));
    decoded.put(seq, entry);
    queuedKeys.put(key, seq);
    return true;
  }

  /**
   * Claims the first unclaimed entry due at {@code nowMillis} that {@code preferred} accepts, else the first due one
   * that {@code allowed} accepts; empty when none is due.
   */
  public synchronized Optional<Claim> claimNext(long nowMillis, Predicate<FrontierEntry> allowed,
      Predicate<FrontierEntry> preferred) {
    Claim fallback = null;
    Iterator<Map.Entry<Long, String>> it = frontier.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, String> e = it.next();
      if (claimed.contains(e.getKey())) {
        continue;
      }
      FrontierEntry entry = entry(e.getKey(), e.getValue());
      if (entry.notBefore() > nowMillis || !allowed.test(entry)) {
        continue;
      }
      if (preferred.test(entry)) {
        claimed.add(e.getKey());
        return Optional.of(new Claim(e.getKey(), entry));
      }
      if (fallback == null) {
        fallback = new Claim(e.getKey(), entry);
      }
    }
    if (fallback != null) {
      claimed.add(fallback.seq());
    }
    return Optional.ofNullable(fallback);
  }

  /** Earliest notBefore among unclaimed entries that {@code allowed} accepts, or empty when there are none. */
  public synchronized Optional<Long> earliestDue(Predicate<FrontierEntry> allowed) {
    Long min = null;
    for (Map.Entry<Long, String> e : frontier.entrySet()) {
      if (claimed.contains(e.getKey())) {
        continue;
      }
      FrontierEntry entry = entry(e.getKey(), e.getValue());
      if (allowed.test(entry)) {
        min = min == null ? entry.notBefore() : Math.min(min, entry.notBefore());
      }
    }
    return Optional.ofNullable(min);
  }

  /**
   * True when nothing is claimed and no entry that {@code allowed} accepts is due by {@code dueLimitMillis}: checked
   * atomically, so a worker cannot claim new work between the two checks.
   */
  public synchronized boolean isIdle(long dueLimitMillis, Predicate<FrontierEntry> allowed) {
    if (!claimed.isEmpty()) {
      return false;
    }
    Optional<Long> due = earliestDue(allowed);
    return due.isEmpty() || due.get() > dueLimitMillis;
  }

  public synchronized int claimedCount() {
    return claimed.size();
  }

  /** Post ids (from {@code ids}) not handed over yet. */
  public synchronized List<String> notHandedOver(Collection<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      if (!handedOver.containsKey(id)) {
        out.add(id);
      }
    }
    return out;
  }

  public synchronized boolean isHandedOver(String postId) {
    return handedOver.containsKey(postId);
  }

  /** Posts about to be sent but not yet recorded as handed over, with the time the intent was recorded. */
  public record Intent(List<String> postIds, long atMillis) {}

  /**
   * Durably records that {@code postIds} are about to be sent (before {@code send}/{@code flush}), so that a crash
   * between {@code flush()} returning and {@link #complete} can be resolved on restart by asking the hand-off which of
   * them arrived. Commits.
   */
  public synchronized void recordIntent(Collection<String> postIds, long nowMillis) {
    intent.put("at", String.valueOf(nowMillis));
    intent.put("ids", String.join("\n", postIds));
    store.commit();
  }

  public synchronized Optional<Intent> pendingIntent() {
    String ids = intent.get("ids");
    if (ids == null) {
      return Optional.empty();
    }
    return Optional.of(new Intent(ids.isEmpty() ? List.of() : List.of(ids.split("\n")), Long.parseLong(intent.get("at"))));
  }

  /** Resolves a pending intent found at start: {@code delivered} ids become handed over; the intent is cleared. */
  public synchronized void resolveIntent(Collection<String> delivered) {
    long now = System.currentTimeMillis();
    for (String id : delivered) {
      handedOver.put(id, now);
    }
    intent.clear();
    store.commit();
  }

  /**
   * Atomically: records {@code postIds} as handed over (call only after {@code PostHandOff.flush()} returned), queues
   * {@code discovered} (skipping seen and queued ones), removes the claimed entry (remembering it as seen when it is
   * one-shot, re-queueing it at {@code requeueAt} when that is positive), and commits.
   *
   * @return how many discovered entries were newly queued
   */
  public synchronized int complete(Claim claim, Collection<String> postIds, List<FrontierEntry> discovered,
      long requeueAtMillis) {
    long now = System.currentTimeMillis();
    for (String id : postIds) {
      handedOver.put(id, now);
    }
    intent.clear();
    removeEntry(claim);
    FrontierEntry entry = claim.entry();
    if (entry.oneShot()) {
      seenPages.put(entry.key(), now);
    }
    int added = 0;
    for (FrontierEntry d : discovered) {
      if (enqueue(d, true)) {
        added++;
      }
    }
    if (requeueAtMillis > 0 && !entry.oneShot()) {
      enqueue(entry.deferred(requeueAtMillis, 0), false);
    }
    store.commit();
    return added;
  }

  /** Puts a claimed entry back, due at {@code notBeforeMillis}, with an attempt count. Commits. */
  public synchronized void retryLater(Claim claim, long notBeforeMillis, int attempts) {
    FrontierEntry deferred = claim.entry().deferred(notBeforeMillis, attempts);
    frontier.put(claim.seq(), encode(deferred));
    decoded.put(claim.seq(), deferred);
    claimed.remove(claim.seq());
    store.commit();
  }

  /** Gives up on an entry for good, keeping it with the reason in the failed map. Commits. */
  public synchronized void fail(Claim claim, String reason) {
    removeEntry(claim);
    failed.put(claim.entry().key(), reason);
    store.commit();
  }

  /** Releases a claim without changing the entry (shutdown). */
  public synchronized void unclaim(Claim claim) {
    claimed.remove(claim.seq());
  }

  private void removeEntry(Claim claim) {
    frontier.remove(claim.seq());
    decoded.remove(claim.seq());
    queuedKeys.remove(claim.entry().key());
    claimed.remove(claim.seq());
  }

  public synchronized Optional<String[]> validators(String url) {
    String v = validators.get(url);
    return v == null ? Optional.empty() : Optional.of(v.split("\n", -1));
  }

  /** Remembers ETag / Last-Modified for the next conditional GET (committed with the next commit). */
  public synchronized void putValidators(String url, String etag, String lastModified) {
    if (etag == null && lastModified == null) {
      return;
    }
    validators.put(url, (etag == null ? "" : etag) + "\n" + (lastModified == null ? "" : lastModified));
  }

  public synchronized int queuedCount() {
    return frontier.size();
  }

  public synchronized int seenCount() {
    return seenPages.size();
  }

  public synchronized int handedOverCount() {
    return handedOver.size();
  }

  public synchronized Map<String, String> failedEntries() {
    return Map.copyOf(failed);
  }

  private String encode(FrontierEntry entry) {
    try {
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode frontier entry " + entry, e);
    }
  }

  private FrontierEntry entry(long seq, String json) {
    return decoded.computeIfAbsent(seq, k -> decode(json));
  }

  private FrontierEntry decode(String s) {
    try {
      return json.readValue(s, FrontierEntry.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt frontier entry: " + s, e);
    }
  }

  @Override
  public synchronized void close() {
    if (!store.isClosed()) {
      store.commit();
      store.close();
    }
  }
}
