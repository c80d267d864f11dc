package org.minsheng.analysis.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import org.minsheng.analysis.sink.SinkDocument.WriteMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.elasticsearch.client.ResponseException;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.es.EsConnection;
import org.minsheng.es.EsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers converted documents and writes them with bulk requests: when the buffer reaches the count or byte limit, on
 * the flush-interval timer (a processing-time timer, run by the task's mailbox), and on {@link #flush(boolean)} (before
 * every checkpoint), which returns only when everything buffered is acknowledged by Elasticsearch or turned into an
 * acknowledged dead letter.
 *
 * <p>One bulk is in flight at a time, on the writer's own sender thread, while the task thread goes on analysing and
 * buffering the next: handing over a batch first waits for the previous one, and {@link #flush(boolean)} waits for
 * both, so the at-least-once guarantee at checkpoints is the same as with synchronous writes. Before, the task thread
 * waited for every bulk (Elasticsearch indexes a bulk on one write thread) and the job was latency-bound, not CPU-bound
 * (docs/BENCHMARKS.md). A failed bulk (after its retries) fails the next {@code write} or {@code flush}.
 */
final class ElasticsearchSinkWriter<T> implements SinkWriter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
  /** Bytes of the action line and newlines added to each document's JSON in the bulk body (approximation). */
  private static final int ACTION_OVERHEAD = 100;
  static final String STAGE = "sink";

  /** How the writer waits between retries (tests record instead of sleeping). */
  @FunctionalInterface
  interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * A document waiting for acknowledgement; {@code deadLetter} marks dead letters (never dead-lettered again).
   * {@code record} is what the sink received (its JSON becomes the dead letter's {@code raw} if Elasticsearch refuses
   * the document; the document itself may hold clock-dependent fields and would give a new dead-letter id on replay);
   * a String of that JSON when Flink object reuse is on, since the object may then be reused after {@code write}.
   */
  record Pending(String index, String id, byte[] json, boolean deadLetter, Object record, WriteMode mode) {
    Pending(String index, String id, byte[] json, boolean deadLetter, Object record) {
      this(index, id, json, deadLetter, record, WriteMode.REPLACE);
    }

    long size() {
      return json.length + index.length() + id.length() + ACTION_OVERHEAD;
    }

    Pending withMode(WriteMode other) {
      return new Pending(index, id, json, deadLetter, record, other);
    }
  }

  /** A document Elasticsearch refused for good. */
  record Rejected(Pending doc, int status, String reason) {}

  private final EsConnection connection;
  private final ElasticsearchClient client;
  private final DocumentConverter<T> converter;
  private final BulkConfig bulk;
  private final DeadLetterDocumentConverter deadLetters;
  private final Clock clock;
  private final ProcessingTimeService timeService;
  private final SinkMetrics metrics;
  private final Sleeper sleeper;
  private final ObjectMapper json = EsConnection.objectMapper();
  /** Attempts Elasticsearch makes itself when a merge meets a concurrent write; beyond them the sink retries. */
  static final int MERGE_RETRY_ON_CONFLICT = 5;
  private final boolean objectReuse;

  private final List<Pending> buffer = new ArrayList<>();
  private long bufferedBytes;
  private ScheduledFuture<?> timer;
  private boolean closed;
  /** Sends one handed-over batch at a time. */
  private final ExecutorService sender;
  /** The batch being sent, or null. */
  private Future<?> inFlight;

  ElasticsearchSinkWriter(EsSettings settings, DocumentConverter<T> converter, BulkConfig bulk,
      DeadLetterDocumentConverter deadLetters, Clock clock, ProcessingTimeService timeService, SinkMetrics metrics,
      Sleeper sleeper, boolean objectReuse) {
    this.objectReuse = objectReuse;
    this.converter = converter;
    this.bulk = bulk;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.timeService = timeService;
    this.metrics = metrics;
    this.sleeper = sleeper;
    this.connection = EsConnection.open(settings);
    this.client = connection.client();
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "elasticsearch-bulk-sender");
      t.setDaemon(true);
      return t;
    });
    scheduleTimer();
    LOG.info("Elasticsearch sink writer for {}: bulk {} docs / {} bytes / {} ms, {} retries from {} ms up to {} ms",
        settings, bulk.maxActions(), bulk.maxBytes(), bulk.flushInterval().toMillis(), bulk.maxRetries(),
        bulk.backoffInitial().toMillis(), bulk.backoffMax().toMillis());
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    failIfSendFailed();
    SinkDocument doc;
    try {
      doc = converter.convert(element);
    } catch (RuntimeException e) {
      LOG.warn("Record cannot be converted to a document, writing a dead letter: {}", e.getMessage());
      add(deadLetterPending(new DeadLetter(STAGE, "cannot convert to a document: " + e.getMessage(), raw(element),
          "elasticsearch sink", clock.instant())));
      flushIfFull();
      return;
    }
    add(new Pending(doc.index(), doc.id(), json.writeValueAsBytes(doc.source()), false,
        objectReuse ? raw(element) : element, doc.mode()));
    flushIfFull();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    flushBuffer();
    awaitInFlight();
  }

  @Override
  public void close() {
    closed = true;
    if (timer != null) {
      timer.cancel(false);
    }
    if (inFlight != null && !inFlight.isDone()) {
      LOG.warn("Closing with a bulk request still in flight (the job failed or was cancelled; its documents are"
          + " replayed from the last checkpoint)");
    }
    sender.shutdownNow();
    if (!buffer.isEmpty()) {
      LOG.warn("Closing with {} unflushed documents (the job failed or was cancelled; they are replayed from the last"
          + " checkpoint)", buffer.size());
    }
    connection.close();
  }

  SinkMetrics metrics() {
    return metrics;
  }

  int buffered() {
    return buffer.size();
  }

  private void add(Pending p) {
    buffer.add(p);
    bufferedBytes += p.size();
    metrics.pendingRecords(buffer.size());
  }

  private void flushIfFull() throws IOException, InterruptedException {
    if (buffer.size() >= bulk.maxActions() || bufferedBytes >= bulk.maxBytes()) {
      flushBuffer();
    }
  }

  private void scheduleTimer() {
    if (timeService == null || closed) {
      return;
    }
    long next = timeService.getCurrentProcessingTime() + bulk.flushInterval().toMillis();
    timer = timeService.registerTimer(next, time -> {
      if (closed) {
        return;
      }
      flushBuffer();
      scheduleTimer();
    });
  }

  /**
   * Hands everything buffered to the sender, after the previous batch is acknowledged (or throws what made it fail);
   * at most one batch is in flight.
   */
  private void flushBuffer() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    awaitInFlight();
    List<Pending> batch = new ArrayList<>(buffer);
    buffer.clear();
    bufferedBytes = 0;
    metrics.pendingRecords(0);
    inFlight = sender.submit(() -> {
      deliver(batch);
      return null;
    });
  }

  /** Waits for the batch in flight; rethrows its failure. */
  void awaitInFlight() throws IOException, InterruptedException {
    if (inFlight == null) {
      return;
    }
    Future<?> f = inFlight;
    inFlight = null;
    try {
      f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("bulk write failed: " + cause, cause);
    }
  }

  /** Fails fast when the batch in flight has already failed, rather than at the next hand-over. */
  private void failIfSendFailed() throws IOException, InterruptedException {
    if (inFlight != null && inFlight.isDone()) {
      awaitInFlight();
    }
  }

  /** Sends a batch and dead-letters what Elasticsearch refuses; on the sender thread. */
  private void deliver(List<Pending> batch) throws IOException, InterruptedException {
    List<Rejected> rejected = send(batch);
    List<Pending> letters = new ArrayList<>();
    for (Rejected r : rejected) {
      if (r.doc().deadLetter()) {
        metrics.deadLettersFailed.inc();
        LOG.error("Dead letter {} could not be written either ({} {}); its content: {}", r.doc().id(), r.status(),
            r.reason(), new String(r.doc().json(), StandardCharsets.UTF_8));
      } else {
        LOG.warn("Document {}/{} rejected by Elasticsearch ({} {}): writing a dead letter", r.doc().index(), r.doc().id(),
            r.status(), r.reason());
        letters.add(deadLetterPending(new DeadLetter(STAGE, "rejected by Elasticsearch (" + r.status() + "): " + r.reason(),
            rawOf(r.doc()), r.doc().index() + "/" + r.doc().id(), clock.instant())));
      }
    }
    if (!letters.isEmpty()) {
      for (Rejected r : send(letters)) {
        metrics.deadLettersFailed.inc();
        LOG.error("Dead letter {} could not be written ({} {}); its content: {}", r.doc().id(), r.status(), r.reason(),
            new String(r.doc().json(), StandardCharsets.UTF_8));
      }
    }
  }

  private Pending deadLetterPending(DeadLetter letter) throws JsonProcessingException {
    SinkDocument doc = deadLetters.convert(letter);
    return new Pending(doc.index(), doc.id(), json.writeValueAsBytes(doc.source()), true, null);
  }

  /**
   * Sends {@code docs}, retrying what failed transiently (the whole request on 429 / 5xx / connection errors, the
   * failed items on partial failures). {@link WriteMode#CREATE_OR_MERGE} documents that already exist (409) are sent
   * again at once as merges (no backoff: nothing failed). Returns the documents refused for good. Counts acknowledged
   * dead letters.
   */
  List<Rejected> send(List<Pending> docs) throws IOException, InterruptedException {
    List<Rejected> rejected = new ArrayList<>();
    List<Pending> pending = docs;
    int attempt = 0;
    while (true) {
      String failure;
      List<Pending> retry = new ArrayList<>();
      List<Pending> existing = new ArrayList<>();
      try {
        long t = System.nanoTime();
        metrics.bulkRequests.inc();
        BulkResponse response = client.bulk(request(pending));
        metrics.lastBulkLatencyMs((System.nanoTime() - t) / 1_000_000);
        List<BulkResponseItem> items = response.items();
        if (items.size() != pending.size()) {
          throw new IOException("bulk response has " + items.size() + " items for " + pending.size() + " documents");
        }
        String firstRetryable = null;
        for (int i = 0; i < items.size(); i++) {
          BulkResponseItem item = items.get(i);
          Pending doc = pending.get(i);
          if (item.error() == null || (doc.mode() == WriteMode.CREATE && item.status() == 409)) {
            metrics.recordsSent.inc();
            metrics.numRecordsSend.inc();
            metrics.numBytesSend.inc(doc.json().length);
            if (doc.deadLetter()) {
              metrics.deadLetters.inc();
            }
          } else if (doc.mode() == WriteMode.CREATE_OR_MERGE && item.status() == 409) {
            existing.add(doc.withMode(WriteMode.MERGE));
          } else if (retryable(item.status()) || (doc.mode() == WriteMode.MERGE && item.status() == 409)) {
            retry.add(doc);
            firstRetryable = firstRetryable != null ? firstRetryable : item.status() + " " + describe(item.error());
          } else {
            rejected.add(new Rejected(doc, item.status(), describe(item.error())));
            metrics.numRecordsSendErrors.inc();
          }
        }
        if (retry.isEmpty()) {
          if (existing.isEmpty()) {
            return rejected;
          }
          LOG.debug("{} of {} documents exist already: merging into them", existing.size(), pending.size());
          pending = existing;
          continue;
        }
        // the existing ones go along with the retry (a merge after a backoff is as good as one now)
        retry.addAll(existing);
        failure = retry.size() - existing.size() + " of " + pending.size()
            + " documents failed transiently, first: " + firstRetryable;
      } catch (IOException | ElasticsearchException e) {
        if (!retryable(e)) {
          throw new IOException("Elasticsearch refused a bulk request of " + pending.size() + " documents ("
              + statusOf(e) + "): " + e.getMessage() + " — not retryable", e);
        }
        retry = pending;
        failure = "bulk request of " + pending.size() + " documents failed: " + e.getMessage();
      }
      if (attempt >= bulk.maxRetries()) {
        throw new IOException("Elasticsearch bulk write gave up after " + bulk.maxRetries() + " retries: " + failure);
      }
      attempt++;
      Duration delay = bulk.backoff(attempt);
      metrics.retries.inc();
      LOG.warn("{}; retry {}/{} in {} ms", failure, attempt, bulk.maxRetries(), delay.toMillis());
      sleeper.sleep(delay);
      pending = retry;
    }
  }

  private BulkRequest request(List<Pending> docs) {
    BulkRequest.Builder b = new BulkRequest.Builder();
    for (Pending d : docs) {
      if (d.mode() == WriteMode.CREATE || d.mode() == WriteMode.CREATE_OR_MERGE) {
        b.operations(op -> op.create(c -> c.index(d.index()).id(d.id())
            .document(BinaryData.of(d.json(), ContentType.APPLICATION_JSON))));
      } else if (d.mode() == WriteMode.MERGE) {
        // the fields as they are (raw JSON), not parsed into a map and written again
        RawValue partial = new RawValue(new String(d.json(), StandardCharsets.UTF_8));
        // several stages merge into one document concurrently: let Elasticsearch re-apply on a version conflict
        b.operations(op -> op.update(u -> u.index(d.index()).id(d.id()).retryOnConflict(MERGE_RETRY_ON_CONFLICT)
            .action(a -> a.doc(partial).docAsUpsert(true))));
      } else {
        b.operations(op -> op.index(i -> i.index(d.index()).id(d.id())
            .document(BinaryData.of(d.json(), ContentType.APPLICATION_JSON))));
      }
    }
    return b.build();
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /** 429 / 5xx, or an I/O failure without an HTTP status (connection refused, reset, timeout). */
  static boolean retryable(Throwable e) {
    int status = statusOf(e);
    return status > 0 ? retryable(status) : e instanceof IOException;
  }

  /** The HTTP status carried by {@code e} or its causes, or -1. */
  static int statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException ee) {
        return ee.status();
      }
      if (t instanceof ResponseException re) {
        return re.getResponse().getStatusLine().getStatusCode();
      }
      if (t instanceof TransportException te && te.statusCode() > 0) {
        return te.statusCode();
      }
    }
    return -1;
  }

  private static String describe(ErrorCause error) {
    StringBuilder sb = new StringBuilder(String.valueOf(error.type())).append(": ").append(error.reason());
    if (error.causedBy() != null) {
      sb.append(" (caused by ").append(error.causedBy().type()).append(": ").append(error.causedBy().reason()).append(')');
    }
    return sb.toString();
  }

  private String rawOf(Pending p) {
    return p.record() instanceof String s ? s : raw(p.record());
  }

  private String raw(Object element) {
    try {
      return json.writeValueAsString(element);
    } catch (JsonProcessingException | RuntimeException e) {
      return String.valueOf(element);
    }
  }
}
