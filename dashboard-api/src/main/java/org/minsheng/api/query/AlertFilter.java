package org.minsheng.api.query;

import java.util.Optional;

/** Filters for the alert list: {@code firedAt} window, status, level, rule, topic. */
public record AlertFilter(TimeWindow window, Optional<String> status, Optional<String> level, Optional<String> rule,
    Optional<String> topicId) {
}
