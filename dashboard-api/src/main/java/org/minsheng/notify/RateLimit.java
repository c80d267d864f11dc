package org.minsheng.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code maxPerMinute} sends in any 60-second window for one channel (0 = unlimited). DingTalk and WeCom
 * robots take 20 messages a minute and DingTalk then throttles for ten minutes, Feishu 100 a minute: staying at 18 /
 * 18 / 90 keeps Minsheng under their limits (REFERENCE-FORMATS §3.5). A delivery over the limit simply stays pending
 * for the next poll. Not thread-safe: one notifier polls from one thread.
 */
public final class RateLimit {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int maxPerMinute;
  private final ArrayDeque<Instant> sent = new ArrayDeque<>();

  public RateLimit(int maxPerMinute) {
    this.maxPerMinute = maxPerMinute;
  }

  public static RateLimit unlimited() {
    return new RateLimit(0);
  }

  /** Takes a slot at {@code now} if one is free. */
  public boolean tryAcquire(Instant now) {
    if (maxPerMinute <= 0) {
      return true;
    }
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(WINDOW))) {
      sent.pollFirst();
    }
    if (sent.size() >= maxPerMinute) {
      return false;
    }
    sent.addLast(now);
    return true;
  }
}
