package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minsheng.es.EsSettings;

/** The writer against a scripted fake {@code _bulk} endpoint on 127.0.0.1: flushing, retries, dead letters. */
class ElasticsearchSinkWriterITCase {
  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

  /** A test record. */
  record Doc(String id, String text) {}

  private static final DocumentConverter<Doc> CONVERTER = d -> new SinkDocument("test-index", d.id(),
      JsonNodeFactory.instance.objectNode().put("id", d.id()).put("text", d.text()));

  private final List<Duration> sleeps = new ArrayList<>();
  private FakeBulkServer server;
  private ElasticsearchSinkWriter<Doc> writer;

  @AfterEach
  void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private ElasticsearchSinkWriter<Doc> writer(FakeBulkServer.Script script, int maxActions, int maxRetries,
      ProcessingTimeService time) throws IOException {
    return writer(script, maxActions, maxRetries, time, CONVERTER);
  }

  private ElasticsearchSinkWriter<Doc> writer(FakeBulkServer.Script script, int maxActions, int maxRetries,
      ProcessingTimeService time, DocumentConverter<Doc> converter) throws IOException {
    server = new FakeBulkServer(script);
    BulkConfig bulk = new BulkConfig(maxActions, 5L * 1024 * 1024, Duration.ofSeconds(1), maxRetries,
        Duration.ofMillis(10), Duration.ofMillis(40));
    writer = new ElasticsearchSinkWriter<>(EsSettings.of(server.url()), converter, bulk,
        new DeadLetterDocumentConverter("minsheng-deadletters"), Clock.fixed(NOW, ZoneOffset.UTC), time,
        new SinkMetrics(UnregisteredMetricsGroup.createSinkWriterMetricGroup()), sleeps::add, false);
    return writer;
  }

  private void writeDocs(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      writer.write(new Doc("d" + i, "text " + i), null);
    }
  }

  @Test
  void bufferedRecordsAreSentOnlyOnFlushAndFlushReturnsWhenAcknowledged() throws Exception {
    writer(slow(250), 1000, 3, null);
    writeDocs(3);
    assertThat(server.received()).isEmpty();
    assertThat(writer.metrics().pendingRecords()).isEqualTo(3);

    writer.flush(false);
    long returnedAt = System.nanoTime();

    assertThat(server.received()).hasSize(1);
    assertThat(server.received().get(0).answeredAtNanos()).isLessThan(returnedAt);
    assertThat(server.allOps()).extracting(FakeBulkServer.Op::id).containsExactly("d0", "d1", "d2");
    assertThat(server.allOps().get(1).source().path("text").asText()).isEqualTo("text 1");
    assertThat(writer.buffered()).isZero();
    assertThat(writer.metrics().pendingRecords()).isZero();
    assertThat(writer.metrics().recordsSent()).isEqualTo(3);
    assertThat(writer.metrics().lastBulkLatencyMs()).isGreaterThanOrEqualTo(200);
  }

  @Test
  void flushBlocksThroughRetriesUntilEverythingIsWritten() throws Exception {
    writer((n, ops) -> n < 2 ? FakeBulkServer.whole(429, "es_rejected_execution_exception") : FakeBulkServer.ok(ops),
        1000, 5, null);
    writeDocs(2);
    writer.flush(false);
    assertThat(server.received()).hasSize(3);
    assertThat(server.received().get(2).ops()).extracting(FakeBulkServer.Op::id).containsExactly("d0", "d1");
    assertThat(writer.buffered()).isZero();
    assertThat(writer.metrics().recordsSent()).isEqualTo(2);
  }

  @Test
  void fullBufferIsSentWithoutWaitingForFlush() throws Exception {
    writer((n, ops) -> FakeBulkServer.ok(ops), 2, 3, null);
    writeDocs(5);
    writer.awaitInFlight(); // the second batch was handed to the sender thread
    assertThat(server.received()).hasSize(2);
    assertThat(server.received()).allSatisfy(r -> assertThat(r.ops()).hasSize(2));
    assertThat(writer.buffered()).isEqualTo(1);
  }

  @Test
  void theTaskGoesOnBufferingWhileABulkIsInFlightAndFlushWaitsForIt() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    writer((n, ops) -> {
      if (n == 0) {
        try {
          release.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return FakeBulkServer.ok(ops);
    }, 2, 3, null);
    writeDocs(3); // the first two are handed over and held up by the server; the third is buffered meanwhile
    assertThat(writer.buffered()).isEqualTo(1);
    assertThat(writer.metrics().recordsSent()).as("nothing acknowledged yet").isZero();
    release.countDown();
    writer.flush(false);
    assertThat(writer.metrics().recordsSent()).isEqualTo(3);
    assertThat(writer.buffered()).isZero();
  }

  @Test
  void timerFlushesWhatIsBuffered() throws Exception {
    ManualTime time = new ManualTime();
    writer((n, ops) -> FakeBulkServer.ok(ops), 1000, 3, time);
    writeDocs(2);
    time.advanceTo(999);
    assertThat(server.received()).isEmpty();
    time.advanceTo(1000);
    writer.awaitInFlight();
    assertThat(server.received()).hasSize(1);
    writeDocs(1);
    time.advanceTo(2000); // the timer was registered again
    writer.awaitInFlight();
    assertThat(server.received()).hasSize(2);
    assertThat(writer.metrics().recordsSent()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsIsRetriedWithBackoffThenSucceeds() throws Exception {
    writer((n, ops) -> n == 0 ? FakeBulkServer.whole(429, "es_rejected_execution_exception") : FakeBulkServer.ok(ops),
        1000, 3, null);
    writeDocs(3);
    writer.flush(false);
    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).ops()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(10));
    assertThat(writer.metrics().retries()).isEqualTo(1);
    assertThat(writer.metrics().bulkRequests()).isEqualTo(2);
    assertThat(writer.metrics().recordsSent()).isEqualTo(3);
    assertThat(writer.metrics().deadLetters()).isZero();
  }

  @Test
  void burstOfServiceUnavailableBacksOffExponentiallyUpToTheCap() throws Exception {
    writer((n, ops) -> n < 4 ? FakeBulkServer.whole(503, "unavailable_shards_exception") : FakeBulkServer.ok(ops),
        1000, 5, null);
    writeDocs(2);
    writer.flush(false);
    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40),
        Duration.ofMillis(40));
    assertThat(server.received()).hasSize(5);
    assertThat(writer.metrics().recordsSent()).isEqualTo(2);
  }

  @Test
  void givesUpAfterMaxRetriesSoTheJobRestartsFromItsCheckpoint() throws Exception {
    writer((n, ops) -> FakeBulkServer.whole(503, "unavailable_shards_exception"), 1000, 2, null);
    writeDocs(1);
    assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
        .hasMessageContaining("gave up after 2 retries").hasMessageContaining("503");
    assertThat(server.received()).hasSize(3);
    assertThat(writer.metrics().recordsSent()).isZero();
  }

  @Test
  void nonRetryableWholeRequestErrorFailsAtOnceWithTheReason() throws Exception {
    writer((n, ops) -> FakeBulkServer.whole(401, "security_exception"), 1000, 5, null);
    writeDocs(1);
    assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
        .hasMessageContaining("401").hasMessageContaining("not retryable");
    assertThat(server.received()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void onlyTheTransientlyFailedItemsOfAPartialFailureAreRetried() throws Exception {
    writer((n, ops) -> n == 0 ? FakeBulkServer.items(ops, 201, 429, 200, 503) : FakeBulkServer.ok(ops), 1000, 3, null);
    writeDocs(4);
    writer.flush(false);
    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).ops()).extracting(FakeBulkServer.Op::id).containsExactly("d1", "d3");
    assertThat(writer.metrics().recordsSent()).isEqualTo(4);
    assertThat(writer.metrics().retries()).isEqualTo(1);
    assertThat(writer.metrics().deadLetters()).isZero();
  }

  @Test
  void mergeDocumentsAreUpsertsRetriedOnAVersionConflict() throws Exception {
    DocumentConverter<Doc> merge = d -> new SinkDocument("test-index", d.id(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("text", d.text()),
        SinkDocument.WriteMode.MERGE);
    writer((n, ops) -> n == 0 ? FakeBulkServer.items(ops, 200, 409) : FakeBulkServer.ok(ops), 1000, 3, null, merge);
    writeDocs(2);
    writer.flush(false);

    assertThat(server.received()).hasSize(2);
    FakeBulkServer.Op first = server.received().get(0).ops().get(0);
    assertThat(first.kind()).isEqualTo("update");
    assertThat(first.action().path("retry_on_conflict").asInt()).isEqualTo(ElasticsearchSinkWriter.MERGE_RETRY_ON_CONFLICT);
    assertThat(first.source().path("doc_as_upsert").asBoolean()).isTrue();
    assertThat(first.source().path("doc").path("text").asText()).isEqualTo("text 0");
    assertThat(server.received().get(1).ops()).extracting(FakeBulkServer.Op::id).containsExactly("d1");
    assertThat(writer.metrics().recordsSent()).isEqualTo(2);
    assertThat(writer.metrics().deadLetters()).isZero();
  }

  @Test
  void createOnlyDocumentsTreatAConflictAsAlreadyWritten() throws Exception {
    DocumentConverter<Doc> create = d -> new SinkDocument("test-index", d.id(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("text", d.text()),
        SinkDocument.WriteMode.CREATE);
    writer((n, ops) -> FakeBulkServer.items(ops, 201, 409), 1000, 3, null, create);
    writeDocs(2);
    writer.flush(false);

    assertThat(server.received()).hasSize(1);
    assertThat(server.received().get(0).ops()).extracting(FakeBulkServer.Op::kind).containsExactly("create", "create");
    assertThat(writer.metrics().recordsSent()).isEqualTo(2);
    assertThat(writer.metrics().deadLetters()).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void createOrMergeDocumentsAreCreatedAndOnlyThoseThatExistAreMergedAtOnce() throws Exception {
    DocumentConverter<Doc> first = d -> new SinkDocument("test-index", d.id(),
        JsonNodeFactory.instance.objectNode().put("text", d.text()), SinkDocument.WriteMode.CREATE_OR_MERGE);
    // d1 exists already (written by another stage first, or a replay): its create answers 409
    writer((n, ops) -> n == 0 ? FakeBulkServer.items(ops, 201, 409, 201) : FakeBulkServer.ok(ops), 1000, 3, null,
        first);
    writeDocs(3);
    writer.flush(false);

    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(0).ops()).extracting(FakeBulkServer.Op::kind)
        .containsExactly("create", "create", "create");
    assertThat(server.received().get(0).ops().get(0).source().path("text").asText()).isEqualTo("text 0");
    FakeBulkServer.Op merge = server.received().get(1).ops().get(0);
    assertThat(server.received().get(1).ops()).hasSize(1);
    assertThat(merge.kind()).isEqualTo("update");
    assertThat(merge.id()).isEqualTo("d1");
    assertThat(merge.source().path("doc_as_upsert").asBoolean()).isTrue();
    assertThat(merge.source().path("doc").path("text").asText()).isEqualTo("text 1");
    assertThat(sleeps).isEmpty(); // nothing failed: no backoff
    assertThat(writer.metrics().retries()).isZero();
    assertThat(writer.metrics().recordsSent()).isEqualTo(3);
  }

  @Test
  void createOrMergeConflictsTravelWithATransientRetry() throws Exception {
    DocumentConverter<Doc> first = d -> new SinkDocument("test-index", d.id(),
        JsonNodeFactory.instance.objectNode().put("text", d.text()), SinkDocument.WriteMode.CREATE_OR_MERGE);
    writer((n, ops) -> n == 0 ? FakeBulkServer.items(ops, 429, 409) : FakeBulkServer.ok(ops), 1000, 3, null, first);
    writeDocs(2);
    writer.flush(false);

    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).ops()).extracting(op -> op.kind() + ":" + op.id())
        .containsExactly("create:d0", "update:d1");
    assertThat(sleeps).hasSize(1);
    assertThat(writer.metrics().recordsSent()).isEqualTo(2);
  }

  @Test
  void mappingRejectionGoesToTheDeadLettersWithItsReasonAndIsNotRetried() throws Exception {
    writer((n, ops) -> n == 0 ? FakeBulkServer.items(ops, 201, 400, 201) : FakeBulkServer.ok(ops), 1000, 3, null);
    writeDocs(3);
    writer.flush(false);

    assertThat(server.received()).hasSize(2);
    List<FakeBulkServer.Op> letters = server.received().get(1).ops();
    assertThat(letters).hasSize(1);
    FakeBulkServer.Op letter = letters.get(0);
    assertThat(letter.index()).isEqualTo("minsheng-deadletters");
    assertThat(letter.source().path("stage").asText()).isEqualTo("sink");
    assertThat(letter.source().path("reason").asText()).contains("400").contains("document_parsing_exception");
    assertThat(letter.source().path("raw").asText()).isEqualTo("{\"id\":\"d1\",\"text\":\"text 1\"}"); // the record
    assertThat(letter.source().path("source").asText()).isEqualTo("test-index/d1");
    assertThat(letter.source().path("occurredAt").asText()).isEqualTo(NOW.toString());
    assertThat(sleeps).isEmpty();
    assertThat(writer.metrics().deadLetters()).isEqualTo(1);
    assertThat(writer.metrics().recordsSent()).isEqualTo(3); // 2 posts + 1 dead letter acknowledged
  }

  @Test
  void deadLetterThatIsRejectedTooIsCountedNotLooped() throws Exception {
    writer((n, ops) -> FakeBulkServer.items(ops, 400), 1000, 3, null);
    writeDocs(1);
    writer.flush(false);
    assertThat(server.received()).hasSize(2);
    assertThat(writer.metrics().deadLettersFailed()).isEqualTo(1);
    assertThat(writer.buffered()).isZero();
  }

  @Test
  void recordTheConverterCannotConvertBecomesADeadLetter() throws Exception {
    writer((n, ops) -> FakeBulkServer.ok(ops), 1000, 3, null);
    writer.write(new Doc(null, "no id"), null);
    writer.flush(false);
    List<FakeBulkServer.Op> ops = server.allOps();
    assertThat(ops).hasSize(1);
    assertThat(ops.get(0).index()).isEqualTo("minsheng-deadletters");
    assertThat(ops.get(0).source().path("reason").asText()).contains("cannot convert").contains("document id is required");
    assertThat(ops.get(0).source().path("raw").asText()).contains("no id");
    assertThat(writer.metrics().deadLetters()).isEqualTo(1);
  }

  @Test
  void connectionRefusedIsRetried() throws Exception {
    writer((n, ops) -> FakeBulkServer.ok(ops), 1000, 2, null);
    server.close(); // nothing listens any more
    writeDocs(1);
    assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class).hasMessageContaining("gave up");
    assertThat(sleeps).hasSize(2);
  }

  private static FakeBulkServer.Script slow(long millis) {
    return (n, ops) -> {
      FakeBulkServer.Reply ok = FakeBulkServer.ok(ops);
      return new FakeBulkServer.Reply(ok.status(), ok.body(), millis);
    };
  }

  /** Processing time that moves only when told, firing due timers on the calling thread (like the mailbox). */
  static final class ManualTime implements ProcessingTimeService {
    private long now;
    private final List<long[]> dueTimes = new ArrayList<>();
    private final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
      return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
      dueTimes.add(new long[] {time});
      callbacks.add(callback);
      return new CompletableFutureScheduled();
    }

    void advanceTo(long time) throws Exception {
      now = time;
      for (int i = 0; i < callbacks.size(); i++) {
        if (dueTimes.get(i)[0] <= now && dueTimes.get(i)[0] >= 0) {
          dueTimes.get(i)[0] = -1;
          callbacks.get(i).onProcessingTime(now);
        }
      }
    }
  }

  /** A do-nothing ScheduledFuture. */
  static final class CompletableFutureScheduled extends CompletableFuture<Object> implements ScheduledFuture<Object> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(java.util.concurrent.Delayed o) {
      return 0;
    }
  }
}
