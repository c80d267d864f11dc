package org.minsheng.analysis.sentiment;

/**
 * Provides {@link LexiconSentimentModel} under the name {@code lexicon}. The location is ignored: the lexicon is the
 * bundled {@code sentiment-lexicon/} resource.
 */
public final class LexiconSentimentModelProvider implements SentimentModel.Provider {
  public static final String NAME = "lexicon";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SentimentModel create(String location) {
    return LexiconSentimentModel.bundled();
  }
}
