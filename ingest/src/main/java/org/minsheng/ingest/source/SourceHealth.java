package org.minsheng.ingest.source;

import java.time.Instant;
import java.util.Map;

/**
 * Snapshot of a source's counters and health, the shape of a {@code minsheng-sources} document (plus the per-reason
 * skip breakdown {@code skippedByReason} and {@code pausedUntil}).
 */
public record SourceHealth(String source, String platform, long fetched, long posts, long skipped,
    Map<String, Long> skippedByReason, long errors, long blocked, boolean healthy, String reason,
    Instant lastSuccess, Instant lastError, Instant pausedUntil) {}
