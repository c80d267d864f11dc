package org.minsheng.handoff.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.minsheng.handoff.PostHandOff;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands posts to analysis through a Kafka topic: one record per post, key = post id (so every version of a post lands
 * in the same partition, in order), value = the post's NDJSON line (UTF-8, the same encoding as the spool files).
 *
 * <p>The producer is idempotent with {@code acks=all} ({@link KafkaHandOffSettings#producerProperties()}): broker-side
 * retries never duplicate or reorder a record. {@link #send(Post)} is asynchronous; {@link #flush()} waits until
 * every record sent so far is acknowledged by all in-sync replicas and throws if any was not, naming the post and the
 * cause. A failure is sticky: once a record is lost the hand-off refuses further sends and flushes, so a caller cannot
 * mistake a later successful flush for "everything arrived"; close it and create a new one (posts whose flush failed
 * must be sent again, and the job tolerates the duplicates because post documents are keyed by id).
 *
 * <p>Thread-safe like the underlying {@link KafkaProducer}, but {@link #flush()} covers the sends of all threads.
 */
public final class KafkaPostHandOff implements PostHandOff {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPostHandOff.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, String> producer;
  private final String topic;
  private final PostCodec codec = new PostCodec();
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private boolean closed;

  /** A hand-off with a new producer configured from {@code settings}. */
  public KafkaPostHandOff(KafkaHandOffSettings settings) {
    this(new KafkaProducer<>(settings.producerProperties(), new StringSerializer(), new StringSerializer()),
        settings.topic());
    LOG.info("Kafka hand-off to topic {} at {} (idempotent, acks=all, delivery timeout {})", settings.topic(),
        settings.bootstrapServers(), settings.deliveryTimeout());
  }

  /** A hand-off over an existing producer (which must be idempotent with acks=all); takes ownership of it. */
  public KafkaPostHandOff(Producer<String, String> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  @Override
  public void send(Post post) throws IOException {
    Objects.requireNonNull(post, "post");
    if (post.id() == null || post.id().isBlank()) {
      throw new IllegalArgumentException("a post without id cannot be handed over (it is the Kafka record key)");
    }
    checkUsable();
    String id = post.id();
    String line = codec.encode(post);
    try {
      producer.send(new ProducerRecord<>(topic, id, line), (metadata, e) -> {
        if (e == null) {
          acknowledged.incrementAndGet();
        } else {
          IOException lost = new IOException("Kafka did not acknowledge post " + id + " on topic " + topic + ": " + e,
              e);
          if (failure.compareAndSet(null, lost)) {
            LOG.error("Kafka hand-off failed: {}", lost.getMessage());
          }
        }
      });
    } catch (KafkaException | IllegalStateException e) {
      // metadata or buffer-space timeout, serialisation, a producer that is already fenced or closed
      IOException refused = new IOException("Kafka refused post " + id + " for topic " + topic + ": " + e, e);
      failure.compareAndSet(null, refused);
      throw refused;
    }
    sent.incrementAndGet();
  }

  @Override
  public void flush() throws IOException {
    checkOpen();
    try {
      producer.flush();
    } catch (KafkaException e) {
      failure.compareAndSet(null, new IOException("Kafka flush to topic " + topic + " failed: " + e, e));
    }
    IOException e = failure.get();
    if (e != null) {
      throw new IOException(e.getMessage() + " (" + acknowledged.get() + " of " + sent.get()
          + " posts acknowledged; resend the unacknowledged ones through a new hand-off)", e);
    }
    LOG.debug("Kafka hand-off flushed: {} posts acknowledged on topic {}", acknowledged.get(), topic);
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (failure.get() == null) {
        flush();
      }
    } finally {
      closed = true;
      producer.close(CLOSE_TIMEOUT);
      LOG.info("Kafka hand-off to topic {} closed: {} posts sent, {} acknowledged", topic, sent.get(),
          acknowledged.get());
    }
    IOException e = failure.get();
    if (e != null) {
      throw new IOException("Kafka hand-off closed after a failure: " + e.getMessage(), e);
    }
  }

  /** Posts passed to {@link #send(Post)} so far. */
  public long sentCount() {
    return sent.get();
  }

  /** Posts the brokers acknowledged so far. */
  public long acknowledgedCount() {
    return acknowledged.get();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Kafka hand-off to topic " + topic + " is closed");
    }
  }

  private void checkUsable() throws IOException {
    checkOpen();
    IOException e = failure.get();
    if (e != null) {
      throw new IOException("Kafka hand-off to topic " + topic + " failed earlier, refusing more posts: "
          + e.getMessage(), e);
    }
  }
}
