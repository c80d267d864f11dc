package org.minsheng.handoff;

import java.io.IOException;
import org.minsheng.post.Post;

/**
 * The boundary between ingest and analysis. Ingest sends posts; analysis reads them from the matching source
 * (a spool directory today, a Kafka topic when scaling out). Switching implementation is configuration only.
 *
 * <p>Contract: a post passed to {@link #send(Post)} is durable and visible to analysis once {@link #flush()} returns.
 * Callers that keep their own "already handed over" bookkeeping must commit it only after {@code flush()}.
 */
public interface PostHandOff extends AutoCloseable {

  /** Queues one valid post for hand-over. */
  void send(Post post) throws IOException;

  /** Makes every post sent so far durable and visible to analysis. */
  void flush() throws IOException;

  /** Flushes and releases resources. */
  @Override
  void close() throws IOException;
}
