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

  /**
   * Makes a {@link SentimentModel} by name, so that configuration ({@code analysis.sentiment.model}) picks the model.
   * Implementations have a public no-argument constructor and are listed in
   * {@code META-INF/services/org.minsheng.analysis.sentiment.SentimentModel$Provider}; the job's
   * {@code SentimentModelFactory} finds them by {@link #name()} (or by class name) in each operator's {@code open()}.
   */
  interface Provider {
    /** The configuration name, e.g. {@code lexicon}, {@code trained}. */
    String name();

    /**
     * A new model instance (one per operator).
     *
     * @param location where the model's files are ({@code analysis.sentiment.location}); empty means the
     *     provider's default (e.g. a bundled resource)
     */
    SentimentModel create(String location);
  }
}
