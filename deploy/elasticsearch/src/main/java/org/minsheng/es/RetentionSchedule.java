package org.minsheng.es;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.minsheng.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the posts retention ({@link IndexRetention}) at start and then every {@code interval} on one daemon thread,
 * for the process that hosts it (the dashboard API server; see docs/ELASTICSEARCH.md). Each run opens its own
 * connection and closes it; a failed run (cluster down, refused credentials) is logged and the next one is tried on
 * schedule. Close it when the host stops.
 *
 * <pre>{@code
 * RetentionSchedule retention = RetentionSchedule.start(esSettings);   // es = minsheng-elasticsearch.yaml settings
 * ...
 * retention.close();
 * }</pre>
 */
public final class RetentionSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final ScheduledExecutorService executor;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private RetentionSchedule(Runnable task, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("retention interval must be positive: " + interval);
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "es-retention");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        LOG.warn("Retention run failed, next try in {}: {}", interval, e.getMessage());
      } finally {
        runs.incrementAndGet();
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * From {@code minsheng-elasticsearch.yaml} settings ({@code elasticsearch.*} connection, {@code index.prefix},
   * {@code retention.posts}, {@code retention.interval}). With a retention of {@code forever} nothing is scheduled.
   */
  public static RetentionSchedule start(Settings settings) {
    return start(EsSettings.from(settings), IndexRetention.from(settings),
        settings.bind("elasticsearch.retention.interval", Duration.class));
  }

  /**
   * For a host that has its own connection settings (the dashboard API's {@code api.elasticsearch.*}): connects with
   * {@code connection}; prefix, retention and interval from {@code settings} ({@link EsSettings#loadDefaults()}).
   */
  public static RetentionSchedule start(EsSettings connection, Settings settings) {
    return start(connection, IndexRetention.from(settings),
        settings.bind("elasticsearch.retention.interval", Duration.class));
  }

  /** Runs {@code retention} against the cluster of {@code es} now and every {@code interval}. */
  public static RetentionSchedule start(EsSettings es, IndexRetention retention, Duration interval) {
    Objects.requireNonNull(es, "es");
    if (retention.retention().isForever()) {
      LOG.info("Posts retention is 'forever': no retention runs scheduled");
      return new RetentionSchedule(() -> { }, Duration.ofDays(365_000));
    }
    LOG.info("Posts retention {} runs now and every {} against {}", retention.retention(), interval, es);
    return new RetentionSchedule(() -> {
      try (EsConnection connection = EsConnection.open(es)) {
        retention.run(connection.restClient(), false);
      }
    }, interval);
  }

  /** A schedule running {@code task}, for tests. */
  static RetentionSchedule of(Runnable task, Duration interval) {
    return new RetentionSchedule(task, interval);
  }

  /** Runs finished (successful or not). */
  public long runs() {
    return runs.get();
  }

  /** Runs that threw. */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The retention thread did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
