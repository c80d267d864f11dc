package org.minsheng.notify;

import java.time.Duration;

/**
 * How one send went.
 *
 * @param outcome delivered, retry later, or failed for good (bad token, signature, keyword: retrying cannot help)
 * @param detail the receiver's answer or the error, stored as {@code lastError}
 * @param retryAfter a minimum wait the receiver asked for (throttling), or null
 */
public record DeliveryResult(Outcome outcome, String detail, Duration retryAfter) {

  public enum Outcome { DELIVERED, RETRY, PERMANENT }

  public static DeliveryResult delivered(String detail) {
    return new DeliveryResult(Outcome.DELIVERED, detail, null);
  }

  public static DeliveryResult retry(String detail) {
    return new DeliveryResult(Outcome.RETRY, detail, null);
  }

  public static DeliveryResult retryAfter(String detail, Duration wait) {
    return new DeliveryResult(Outcome.RETRY, detail, wait);
  }

  public static DeliveryResult permanent(String detail) {
    return new DeliveryResult(Outcome.PERMANENT, detail, null);
  }
}
