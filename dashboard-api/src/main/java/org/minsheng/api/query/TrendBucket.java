package org.minsheng.api.query;

import java.time.Instant;

/** One bucket of a trend series; {@code meanSentimentScore} is null when the bucket is empty. */
public record TrendBucket(Instant start, long volume, long negative, long neutral, long positive,
    Double meanSentimentScore) {
}
