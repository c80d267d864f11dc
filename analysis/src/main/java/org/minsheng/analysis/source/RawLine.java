package org.minsheng.analysis.source;

/**
 * One raw NDJSON line as a {@link PostsSource} delivers it, with where it came from: {@code kafka:<topic>/<partition>/
 * <offset>} for a Kafka record, {@code spool:<directory>} for a spool file line. The parse stage records the origin in
 * the dead letter of a line that is not a valid post, so an operator can find the original.
 *
 * @param origin where the line was read
 * @param line the line, without its line terminator
 */
public record RawLine(String origin, String line) {}
