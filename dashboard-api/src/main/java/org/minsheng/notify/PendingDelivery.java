package org.minsheng.notify;

/**
 * One (alert, channel) delivery read from the outbox, with the document version it was read at
 * ({@code seqNo}/{@code primaryTerm}) for optimistic concurrency.
 */
public record PendingDelivery(String alertId, String channel, AlertMessage alert, DeliveryState state, long seqNo,
    long primaryTerm) {

  public PendingDelivery withState(DeliveryState s, long newSeqNo, long newPrimaryTerm) {
    return new PendingDelivery(alertId, channel, alert, s, newSeqNo, newPrimaryTerm);
  }
}
