package org.minsheng.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One (alert, channel) delivery read from the outbox, with the document version it was read at
 * ({@code seqNo}/{@code primaryTerm}) for optimistic concurrency, and the channels of that document whose delivery
 * was pending at that version ({@code pendingChannels}, null when the outbox does not track them).
 */
public record PendingDelivery(String alertId, String channel, AlertMessage alert, DeliveryState state, long seqNo,
    long primaryTerm, List<String> pendingChannels) {

  public PendingDelivery(String alertId, String channel, AlertMessage alert, DeliveryState state, long seqNo,
      long primaryTerm) {
    this(alertId, channel, alert, state, seqNo, primaryTerm, null);
  }

  public PendingDelivery withState(DeliveryState s, long newSeqNo, long newPrimaryTerm) {
    return new PendingDelivery(alertId, channel, alert, s, newSeqNo, newPrimaryTerm,
        pendingChannels == null ? null : pendingAfter(pendingChannels, Map.of(channel, s)));
  }

  PendingDelivery withState(DeliveryState s, long newSeqNo, long newPrimaryTerm, List<String> pending) {
    return new PendingDelivery(alertId, channel, alert, s, newSeqNo, newPrimaryTerm, pending);
  }

  /** The pending channels once {@code written} (channel → new entry) are in the document. */
  static List<String> pendingAfter(List<String> before, Map<String, DeliveryState> written) {
    LinkedHashSet<String> out = new LinkedHashSet<>(before);
    written.forEach((ch, st) -> {
      if (DeliveryState.PENDING.equals(st.state())) {
        out.add(ch);
      } else {
        out.remove(ch);
      }
    });
    return List.copyOf(out);
  }
}
