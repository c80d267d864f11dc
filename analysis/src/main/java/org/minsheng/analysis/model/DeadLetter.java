package org.minsheng.analysis.model;

import java.time.Instant;

/**
 * A record the job could not process, kept with the reason so that nothing is dropped silently. Written to the
 * {@code minsheng-deadletters} index and counted in the {@code deadLetters} metric of the stage that produced it.
 *
 * @param stage the stage that rejected it, e.g. {@code parse}, {@code sink}
 * @param reason human-readable reason, e.g. {@code malformed JSON: Unexpected end-of-input at column 12}
 * @param raw the input as received (truncated by the writer if huge)
 * @param source where it came from (file name, Kafka topic/partition/offset), where known
 * @param occurredAt when it was rejected
 */
public record DeadLetter(String stage, String reason, String raw, String source, Instant occurredAt) {}
