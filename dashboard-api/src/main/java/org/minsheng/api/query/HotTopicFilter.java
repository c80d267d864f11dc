package org.minsheng.api.query;

import java.util.Optional;

/** Topics active in {@code window} (lastSeen ≥ from, firstSeen < to), not merged into another, optional filters. */
public record HotTopicFilter(TimeWindow window, Optional<String> q, Optional<String> site, Optional<String> region,
    Optional<String> lifecycle, int limit) {
}
