package org.minsheng.analysis.sink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The sink's metrics, registered in the writer's Flink metric group: {@code recordsSent} (documents acknowledged by
 * Elasticsearch, dead letters included), {@code bulkRequests} (sent, whether they succeeded or not), {@code retries} (bulk retries, whole or partial),
 * {@code deadLetters} (records rejected for good and written as dead letters), {@code deadLettersFailed} (dead letters
 * that could not be written either: logged at ERROR with their content), gauges {@code pendingRecords} (buffered, not yet
 * acknowledged) and {@code lastBulkLatencyMs}. Flink's standard {@code numRecordsSend} / {@code numBytesSend} count
 * acknowledged documents and their bytes, {@code numRecordsSendErrors} documents refused for good.
 */
public final class SinkMetrics {
  final Counter recordsSent;
  final Counter bulkRequests;
  final Counter retries;
  final Counter deadLetters;
  final Counter deadLettersFailed;
  /** Flink's standard sink counters (numRecordsSend, numBytesSend, numRecordsSendErrors), shown in the web UI. */
  final Counter numRecordsSend;
  final Counter numBytesSend;
  final Counter numRecordsSendErrors;
  private volatile long pendingRecords;
  private volatile long lastBulkLatencyMs;

  public SinkMetrics(MetricGroup group) {
    if (group instanceof SinkWriterMetricGroup sink) {
      numRecordsSend = sink.getNumRecordsSendCounter();
      numBytesSend = sink.getNumBytesSendCounter();
      numRecordsSendErrors = sink.getNumRecordsSendErrorsCounter();
    } else {
      numRecordsSend = new SimpleCounter();
      numBytesSend = new SimpleCounter();
      numRecordsSendErrors = new SimpleCounter();
    }
    recordsSent = group.counter("recordsSent", new SimpleCounter());
    bulkRequests = group.counter("bulkRequests", new SimpleCounter());
    retries = group.counter("retries", new SimpleCounter());
    deadLetters = group.counter("deadLetters", new SimpleCounter());
    deadLettersFailed = group.counter("deadLettersFailed", new SimpleCounter());
    group.gauge("pendingRecords", () -> pendingRecords);
    group.gauge("lastBulkLatencyMs", () -> lastBulkLatencyMs);
  }

  void pendingRecords(long n) {
    pendingRecords = n;
  }

  void lastBulkLatencyMs(long ms) {
    lastBulkLatencyMs = ms;
  }

  public long recordsSent() {
    return recordsSent.getCount();
  }

  public long bulkRequests() {
    return bulkRequests.getCount();
  }

  public long retries() {
    return retries.getCount();
  }

  public long deadLetters() {
    return deadLetters.getCount();
  }

  public long deadLettersFailed() {
    return deadLettersFailed.getCount();
  }

  public long pendingRecords() {
    return pendingRecords;
  }

  public long lastBulkLatencyMs() {
    return lastBulkLatencyMs;
  }
}
