package org.minsheng.api.query;

import java.time.ZoneId;
import java.util.List;

/**
 * One trend query: the shared filter, the bucket interval, and the keyword expressions to compare (empty = one series
 * over all posts matching the filter).
 */
public record TrendRequest(PostFilter filter, Interval interval, ZoneId zone, List<KeywordExpression> compare) {
}
