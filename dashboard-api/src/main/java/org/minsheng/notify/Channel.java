package org.minsheng.notify;

/** One delivery channel: a robot webhook, a generic webhook or e-mail. Implementations never throw for a failed send. */
public interface Channel {

  /** The key under {@code deliveries.<name>} in the alert document, e.g. {@code dingtalk}. */
  String name();

  /**
   * Sends {@code alert} once.
   *
   * @param idempotencyKey {@code <alertId>:<level>:<channel>}, passed to receivers that can de-duplicate with it
   */
  DeliveryResult send(AlertMessage alert, String idempotencyKey);
}
