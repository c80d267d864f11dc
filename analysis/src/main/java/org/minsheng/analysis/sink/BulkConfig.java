package org.minsheng.analysis.sink;

import java.io.Serializable;
import java.time.Duration;

/**
 * When the sink flushes and how it retries. Built and checked by {@link ElasticsearchSink.Builder}.
 *
 * @param maxActions flush when this many documents are buffered
 * @param maxBytes flush when the buffered documents reach this many bytes (JSON, approximately the bulk body size)
 * @param flushInterval flush whatever is buffered at least this often
 * @param maxRetries give up (fail the job, which restarts from its last checkpoint) after this many retries of one bulk
 * @param backoffInitial delay before the first retry; doubled at each further retry…
 * @param backoffMax …up to this
 */
public record BulkConfig(int maxActions, long maxBytes, Duration flushInterval, int maxRetries, Duration backoffInitial,
    Duration backoffMax) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Delay before retry number {@code retry} (1-based): initial × 2^(retry−1), capped at max. */
  public Duration backoff(int retry) {
    long millis = backoffInitial.toMillis();
    for (int i = 1; i < retry && millis < backoffMax.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
  }
}
