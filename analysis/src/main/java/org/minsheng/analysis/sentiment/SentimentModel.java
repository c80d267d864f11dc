package org.minsheng.analysis.sentiment;

import java.util.List;
import org.minsheng.analysis.nlp.Token;

/**
 * Scores the polarity of a text. Implementations may hold large tables: create one per operator in {@code open()}.
 */
public interface SentimentModel {

  /**
   * @param text normalised text (simplified script, half-width)
   * @param tokens the text's segmentation, as produced by the job's {@code Segmenter}
   */
  Sentiment score(String text, List<Token> tokens);
}
