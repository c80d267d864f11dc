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

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state);
    m.put("attempts", attempts);
    m.put("lastError", lastError);
    m.put("deliveredAt", deliveredAt == null ? null : deliveredAt.toString());
    m.put("idempotencyKey", idempotencyKey);
    m.put("nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString());
    m.put("leaseUntil", leaseUntil == null ? null : leaseUntil.toString());
    m.put("owner", owner);
    return m;
  }

  public static DeliveryState fromJson(com.fasterxml.jackson.databind.JsonNode n) {
    return new DeliveryState(text(n, "state"), n.path("attempts").asInt(0), text(n, "lastError"),
        instant(n, "deliveredAt"), text(n, "idempotencyKey"), instant(n, "nextAttemptAt"), instant(n, "leaseUntil"),
        text(n, "owner"));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
    com.fasterxml.jackson.databind.JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(com.fasterxml.jackson.databind.JsonNode n, String f) {
    String s = text(n, f);
    return s == null ? null : Instant.parse(s);
  }
}
