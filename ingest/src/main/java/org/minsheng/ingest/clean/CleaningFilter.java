package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One small step of the {@link CleaningChain}: text in, text out (paragraphs one per line).
 *
 * <p>Lifecycle: the chain creates the filter with its no-argument constructor, calls {@link #configure} once with the
 * filter's settings node ({@code clean.<name>} in {@code minsheng-extract-defaults.yaml}, possibly empty), then calls
 * {@link #apply} any number of times, from any thread: filters keep no per-call state.
 */
public interface CleaningFilter {

  /** The name used in {@code clean.chain} and as the settings key. */
  String name();

  /** Reads the filter's settings; throws {@link IllegalArgumentException} with the setting's path on a bad value. */
  void configure(JsonNode settings);

  /** Returns the cleaned text. Never null. */
  String apply(String text);
}
