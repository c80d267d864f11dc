package org.minsheng.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One channel's entry in the alert document, {@code deliveries.<channel>}: the contract fields {@code state}
 * (pending / delivered / failed), {@code attempts}, {@code lastError}, {@code deliveredAt}, {@code idempotencyKey},
 * plus the outbox's scheduling fields {@code nextAttemptAt} (not before) and the lease {@code leaseUntil} /
 * {@code owner} a notifier takes before sending.
 */
public record DeliveryState(String state, int attempts, String lastError, Instant deliveredAt, String idempotencyKey,
    Instant nextAttemptAt, Instant leaseUntil, String owner) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";

  public boolean dueAt(Instant now) {
    return PENDING.equals(state)
        && (nextAttemptAt == null || !nextAttemptAt.isAfter(now))
        && (leaseUntil == null || !leaseUntil.isAfter(now));
  }

  public DeliveryState leased(String owner, Instant until) {
    return new DeliveryState(state, attempts, lastError, deliveredAt, idempotencyKey, nextAttemptAt, until, owner);
  }

  public DeliveryState deferredTo(Instant at, String why) {
    return new DeliveryState(PENDING, attempts, why, deliveredAt, idempotencyKey, at, null, null);
  }

  /**
   * The entry as written into the document. "None" is written as {@code ""} or the epoch rather than null, because
   * the Elasticsearch client drops null values and a partial update would then keep the old lease.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state);
    m.put("attempts", attempts);
    m.put("lastError", lastError == null ? "" : lastError);
    if (deliveredAt != null) {
      m.put("deliveredAt", deliveredAt.toString());
    }
    m.put("idempotencyKey", idempotencyKey);
    m.put("nextAttemptAt", (nextAttemptAt == null ? Instant.EPOCH : nextAttemptAt).toString());
    m.put("leaseUntil", (leaseUntil == null ? Instant.EPOCH : leaseUntil).toString());
    m.put("owner", owner == null ? "" : owner);
    return m;
  }

  public static DeliveryState fromJson(com.fasterxml.jackson.databind.JsonNode n) {
    return new DeliveryState(text(n, "state"), n.path("attempts").asInt(0), text(n, "lastError"),
        instant(n, "deliveredAt"), text(n, "idempotencyKey"), instant(n, "nextAttemptAt"), instant(n, "leaseUntil"),
        text(n, "owner"));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
    com.fasterxml.jackson.databind.JsonNode v = n.get(f);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private static Instant instant(com.fasterxml.jackson.databind.JsonNode n, String f) {
    String s = text(n, f);
    Instant t = s == null ? null : Instant.parse(s);
    return Instant.EPOCH.equals(t) ? null : t;
  }
}
