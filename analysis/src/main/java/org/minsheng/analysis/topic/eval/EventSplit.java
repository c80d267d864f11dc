package org.minsheng.analysis.topic.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which events an evaluation run uses: all, the tuning part or the held-out part. An event is held out when the first
 * byte of {@code sha1("minsheng-topics:" + event_id)} modulo 5 is 0 (about a fifth), independent of the bucketing the
 * data set itself was sampled with.
 */
public enum EventSplit {
  ALL, TUNE, HOLDOUT;

  public boolean includes(String eventId) {
    return switch (this) {
      case ALL -> true;
      case TUNE -> !heldOut(eventId);
      case HOLDOUT -> heldOut(eventId);
    };
  }

  static boolean heldOut(String eventId) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1")
          .digest(("minsheng-topics:" + eventId).getBytes(StandardCharsets.UTF_8));
      return (d[0] & 0xff) % 5 == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }
}
