package org.minsheng.analysis.topic.eval;

import java.util.List;

/**
 * One line of an event-labelled evaluation file, segmented.
 *
 * @param line 1-based line number in the input
 * @param eventId gold event
 * @param time Unix seconds
 * @param text the text
 * @param tokens segmented words
 * @param pos part-of-speech tags parallel to {@code tokens}
 */
public record EventPost(int line, String eventId, long time, String text, List<String> tokens, List<String> pos) {}
