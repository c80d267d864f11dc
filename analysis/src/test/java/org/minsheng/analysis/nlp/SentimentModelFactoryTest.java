package org.minsheng.analysis.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.minsheng.analysis.sentiment.LexiconSentimentModel;
import org.minsheng.analysis.sentiment.LexiconSentimentModelProvider;

class SentimentModelFactoryTest {

  @Test
  void findsTheLexiconModelByName() {
    assertThat(new SentimentModelFactory("lexicon", "").create()).isInstanceOf(LexiconSentimentModel.class);
  }

  @Test
  void findsAModelByProviderClassName() {
    assertThat(new SentimentModelFactory(LexiconSentimentModelProvider.class.getName(), null).create())
        .isInstanceOf(LexiconSentimentModel.class);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> new SentimentModelFactory("nonesuch", "").create())
        .hasMessageStartingWith("unknown sentiment model 'nonesuch': known models are [")
        .hasMessageContaining("lexicon");
    assertThatThrownBy(() -> new SentimentModelFactory("java.lang.String", "").create())
        .hasMessage("sentiment model class java.lang.String is neither a SentimentModel.Provider nor a SentimentModel");
    assertThatThrownBy(() -> new SentimentModelFactory(" ", "")).hasMessageContaining("must name a model");
  }
}
