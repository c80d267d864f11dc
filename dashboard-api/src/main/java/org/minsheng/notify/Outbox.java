package org.minsheng.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The persistent outbox: the {@code deliveries} of the alert documents. Every write is conditional on the version it
 * read, so two notifiers never both take the same delivery.
 */
public interface Outbox {

  /** Deliveries of {@code channels} that are pending, due and not leased at {@code now}, oldest alerts first. */
  List<PendingDelivery> due(Instant now, Collection<String> channels, int limit);

  /**
   * Writes {@code next} for the delivery if the document is still at the version {@code d} was read at.
   *
   * @return the delivery at its new version, or empty when someone else changed the document first
   */
  Optional<PendingDelivery> write(PendingDelivery d, DeliveryState next);

  /**
   * Records the outcome of a send made under a lease. If the document changed meanwhile (the API acknowledged the
   * alert, say), re-reads it and writes again as long as the delivery is still leased by the same owner with the same
   * idempotency key; gives up (returns false) when the lease was lost or the alert was re-issued (an escalation).
   */
  boolean complete(PendingDelivery leased, DeliveryState outcome);

  /** A delivery as it was read, and the state to write for it. */
  record Change(PendingDelivery delivery, DeliveryState next) {}

  /**
   * {@link #write} for several deliveries at once (a poll's leases): element i is the result for change i. An outbox
   * that can should make this one round trip; the default writes one after another.
   */
  default List<Optional<PendingDelivery>> writeAll(List<Change> changes) {
    return changes.stream().map(c -> write(c.delivery(), c.next())).collect(Collectors.toList());
  }

  /** {@link #complete} for several outcomes at once: element i says whether outcome i was recorded. */
  default List<Boolean> completeAll(List<Change> outcomes) {
    return outcomes.stream().map(c -> complete(c.delivery(), c.next())).collect(Collectors.toList());
  }
}
