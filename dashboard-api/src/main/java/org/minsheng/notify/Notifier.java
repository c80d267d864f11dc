package org.minsheng.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: polls due deliveries, defers non-red ones that fall in a channel's quiet hours, leases each
 * (conditional write), sends it, and records delivered / pending-with-backoff / failed. At-least-once: a notifier
 * that dies between sending and recording leaves a lease that expires, and the delivery is sent again with the same
 * idempotency key, which receivers use to drop the duplicate.
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  /** A channel with its quiet hours and send-rate limit. */
  public record Route(Channel channel, QuietHours quietHours, RateLimit rateLimit) {
    public Route(Channel channel, QuietHours quietHours) {
      this(channel, quietHours, RateLimit.unlimited());
    }
  }

  private final Outbox outbox;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Backoff backoff;
  private final int maxAttempts;
  private final Duration lease;
  private final String owner;
  private final Clock clock;
  private final int sendThreads;
  private ExecutorService senders;

  public Notifier(Outbox outbox, List<Route> routes, Backoff backoff, int maxAttempts, Duration lease, String owner,
      Clock clock) {
    this(outbox, routes, backoff, maxAttempts, lease, owner, clock, 1);
  }

  /**
   * @param sendThreads deliveries of one poll leased and sent at once (each is independent: its lease, send and
   *     outcome are conditional writes of its own channel entry). 1 = one after another, in the poll's order.
   */
  public Notifier(Outbox outbox, List<Route> routes, Backoff backoff, int maxAttempts, Duration lease, String owner,
      Clock clock, int sendThreads) {
    if (sendThreads < 1) {
      throw new IllegalArgumentException("sendThreads must be at least 1, got " + sendThreads);
    }
    this.sendThreads = sendThreads;
    this.outbox = outbox;
    routes.forEach(r -> this.routes.put(r.channel().name(), r));
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.lease = lease;
    this.owner = owner;
    this.clock = clock;
  }

  /** One poll: handles up to {@code batch} due deliveries; returns how many were sent successfully. */
  public int pollOnce(int batch) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    List<PendingDelivery> sendable = new ArrayList<>();
    for (PendingDelivery d : outbox.due(now, routes.keySet(), batch)) {
      Route route = routes.get(d.channel());
      if (route == null) {
        continue;
      }
      if (!d.alert().isRed() && route.quietHours().isQuiet(now)) {
        Instant until = route.quietHours().end(now);
        outbox.write(d, d.state().deferredTo(until, "quiet hours until " + until));
        LOG.info("alert {} on {}: quiet hours, deferred to {}", d.alertId(), d.channel(), until);
        continue;
      }
      if (!route.rateLimit().tryAcquire(now)) {
        LOG.debug("alert {} on {}: channel at its rate limit, stays pending", d.alertId(), d.channel());
        continue;
      }
      sendable.add(d);
    }
    if (sendThreads == 1 || sendable.size() < 2) {
      int delivered = 0;
      for (PendingDelivery d : sendable) {
        delivered += leaseAndSend(d, now) ? 1 : 0;
      }
      return delivered;
    }
    // a burst of alerts (a watermark releasing many topic windows at once) would otherwise wait for one another's
    // round trips to Elasticsearch and the receivers, one after another
    List<Future<Boolean>> results = new ArrayList<>();
    for (PendingDelivery d : sendable) {
      results.add(senders().submit(() -> leaseAndSend(d, now)));
    }
    int delivered = 0;
    for (Future<Boolean> f : results) {
      try {
        delivered += f.get() ? 1 : 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return delivered;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
      }
    }
    return delivered;
  }

  private boolean leaseAndSend(PendingDelivery d, Instant now) {
    Optional<PendingDelivery> leased = outbox.write(d, d.state().leased(owner, now.plus(lease)));
    if (leased.isEmpty()) {
      LOG.debug("alert {} on {}: taken by another notifier or changed, skipped", d.alertId(), d.channel());
      return false;
    }
    return send(leased.get());
  }

  private synchronized ExecutorService senders() {
    if (senders == null) {
      AtomicInteger n = new AtomicInteger();
      senders = Executors.newFixedThreadPool(sendThreads, r -> {
        Thread t = new Thread(r, "notifier-send-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return senders;
  }

  private boolean send(PendingDelivery d) {
    DeliveryState s = d.state();
    int attempts = s.attempts() + 1;
    DeliveryResult r;
    try {
      r = routes.get(d.channel()).channel().send(d.alert(), s.idempotencyKey());
    } catch (RuntimeException e) {
      r = DeliveryResult.retry("channel error: " + e);
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    DeliveryState next;
    switch (r.outcome()) {
      case DELIVERED -> {
        next = new DeliveryState(DeliveryState.DELIVERED, attempts, null, now, s.idempotencyKey(), null, null, null);
        LOG.info("alert {} level {} delivered on {} (attempt {})", d.alertId(), d.alert().level(), d.channel(),
            attempts);
      }
      case PERMANENT -> {
        next = new DeliveryState(DeliveryState.FAILED, attempts, r.detail(), null, s.idempotencyKey(), null, null, null);
        LOG.warn("alert {} on {} failed for good: {}", d.alertId(), d.channel(), r.detail());
      }
      default -> {
        if (attempts >= maxAttempts) {
          next = new DeliveryState(DeliveryState.FAILED, attempts, "gave up after " + attempts + " attempts: "
              + r.detail(), null, s.idempotencyKey(), null, null, null);
          LOG.warn("alert {} on {}: gave up after {} attempts: {}", d.alertId(), d.channel(), attempts, r.detail());
        } else {
          Duration wait = backoff.after(attempts);
          if (r.retryAfter() != null && r.retryAfter().compareTo(wait) > 0) {
            wait = r.retryAfter();
          }
          next = new DeliveryState(DeliveryState.PENDING, attempts, r.detail(), null, s.idempotencyKey(),
              now.plus(wait), null, null);
          LOG.info("alert {} on {}: attempt {} failed ({}), retry in {}", d.alertId(), d.channel(), attempts,
              r.detail(), wait);
        }
      }
    }
    if (!outbox.complete(d, next)) {
      LOG.warn("alert {} on {}: outcome {} not recorded (lease lost or alert re-issued)", d.alertId(), d.channel(),
          r.outcome());
    }
    return r.outcome() == DeliveryResult.Outcome.DELIVERED;
  }

  /** Polls until interrupted, sleeping {@code interval} when there was nothing to do. */
  public void run(Duration interval, int batch) throws InterruptedException {
    LOG.info("notifier {} polling every {} for channels {}, {} sending thread(s)", owner, interval, routes.keySet(),
        sendThreads);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          pollOnce(batch);
        } catch (RuntimeException e) {
          LOG.error("notifier poll failed, retrying in {}: {}", interval, e.toString(), e);
        }
        Thread.sleep(interval.toMillis());
      }
    } finally {
      synchronized (this) {
        if (senders != null) {
          senders.shutdownNow();
        }
      }
    }
  }
}
