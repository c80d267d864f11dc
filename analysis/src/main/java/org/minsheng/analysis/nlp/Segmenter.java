package org.minsheng.analysis.nlp;

import java.util.List;

/**
 * Splits Chinese text into words. Implementations hold dictionaries: create one per operator in {@code open()}, never
 * share a static instance.
 */
public interface Segmenter {

  /** The words of {@code text} in order, with part-of-speech tags. Never null. */
  List<Token> segment(String text);
}
