package org.minsheng.ingest.crawl;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Asks the hand-off's output which of some posts arrived. Used once at start to resolve a crash that fell between
 * {@code PostHandOff.flush()} returning and the store recording the posts as handed over.
 */
public interface DeliveryCheck {

  /** The subset of {@code postIds} that reached the output at or after {@code since}. */
  Set<String> delivered(Collection<String> postIds, Instant since) throws IOException;

  /** For hand-offs that cannot be asked: assume nothing arrived (at-least-once for that one window). */
  DeliveryCheck NONE = (ids, since) -> Set.of();
}
