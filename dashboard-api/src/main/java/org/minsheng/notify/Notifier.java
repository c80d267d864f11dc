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
 * Drains the outbox: polls due deliveries, defers non-red ones that fall in a channel's quiet hours, leases them
 * (conditional writes, one batch per poll), sends them, and records delivered / pending-with-backoff / failed (one
 * batch per poll). At-least-once: a notifier
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
   * @param sendThreads deliveries of one poll sent at once (each is independent: its lease and outcome are
   *     conditional writes of its own channel entry). 1 = one after another, in the poll's order.
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
    if (sendable.isEmpty()) {
      return 0;
    }
    // one round trip leases the whole poll: a watermark releasing a hundred topic alerts must not queue the next
    // alert behind two hundred single writes
    List<Outbox.Change> leases = new ArrayList<>(sendable.size());
    for (PendingDelivery d : sendable) {
      leases.add(new Outbox.Change(d, d.state().leased(owner, now.plus(lease))));
    }
    List<Optional<PendingDelivery>> taken = outbox.writeAll(leases);
    List<PendingDelivery> leased = new ArrayList<>(sendable.size());
    for (int i = 0; i < taken.size(); i++) {
      if (taken.get(i).isPresent()) {
        leased.add(taken.get(i).get());
      } else {
        LOG.debug("alert {} on {}: taken by another notifier or changed, skipped", sendable.get(i).alertId(),
            sendable.get(i).channel());
      }
    }
    List<Outbox.Change> outcomes = sendAll(leased);
    List<Boolean> recorded = outbox.completeAll(outcomes);
    int delivered = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Outbox.Change c = outcomes.get(i);
      if (!recorded.get(i)) {
        LOG.warn("alert {} on {}: outcome {} not recorded (lease lost or alert re-issued)", c.delivery().alertId(),
            c.delivery().channel(), c.next().state());
      }
      delivered += DeliveryState.DELIVERED.equals(c.next().state()) ? 1 : 0;
    }
    return delivered;
  }

  /** Sends the leased deliveries, {@code sendThreads} at a time; returns the outcome to record for each one sent. */
  private List<Outbox.Change> sendAll(List<PendingDelivery> leased) {
    List<Outbox.Change> outcomes = new ArrayList<>(leased.size());
    if (sendThreads == 1 || leased.size() < 2) {
      for (PendingDelivery d : leased) {
        send(d).ifPresent(outcomes::add);
      }
      return outcomes;
    }
    List<Future<Optional<Outbox.Change>>> results = new ArrayList<>();
    for (PendingDelivery d : leased) {
      results.add(senders().submit(() -> send(d)));
    }
    for (int i = 0; i < results.size(); i++) {
      try {
        results.get(i).get().ifPresent(outcomes::add);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        // the other sends' outcomes are still recorded; this one's lease expires and a later poll retries it
        LOG.error("alert {} on {}: sending failed unexpectedly, retried once its lease expires: {}",
            leased.get(i).alertId(), leased.get(i).channel(), e.getCause().toString(), e.getCause());
      }
    }
    return outcomes;
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

  /** Sends one leased delivery; empty when its lease ran out before its turn (another notifier may hold it now). */
  private Optional<Outbox.Change> send(PendingDelivery d) {
    DeliveryState s = d.state();
    if (s.leaseUntil() != null && !clock.instant().isBefore(s.leaseUntil())) {
      LOG.warn("alert {} on {}: lease ran out before sending (slow receivers ahead of it); left to a later poll",
          d.alertId(), d.channel());
      return Optional.empty();
    }
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
    return Optional.of(new Outbox.Change(d, next));
  }

  /**
   * Polls until interrupted, sleeping {@code interval} after a poll that delivered nothing; after one that delivered,
   * polls again at once (a burst larger than {@code batch} goes out without a pause per batch).
   */
  public void run(Duration interval, int batch) throws InterruptedException {
    LOG.info("notifier {} polling every {} for channels {}, {} sending thread(s)", owner, interval, routes.keySet(),
        sendThreads);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        int delivered = 0;
        try {
          delivered = pollOnce(batch);
        } catch (RuntimeException e) {
          LOG.error("notifier poll failed, retrying in {}: {}", interval, e.toString(), e);
        }
        if (delivered == 0) {
          Thread.sleep(interval.toMillis());
        }
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
