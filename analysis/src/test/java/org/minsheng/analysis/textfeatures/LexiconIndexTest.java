package org.minsheng.analysis.textfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.sentiment.TrainedSentimentModel;

class LexiconIndexTest {

  @Test
  void answersExactlyWhatTheFourTablesOfTheShippedLexiconAnswer() throws Exception {
    PolarityLexicon lexicon;
    try (InputStream in = TrainedSentimentModel.class.getResourceAsStream(TrainedSentimentModel.RESOURCE)) {
      lexicon = LinearClassifier.read(in, TrainedSentimentModel.KIND).lexicon();
    }
    LexiconIndex index = lexicon.index();
    long[] checked = {0};
    for (WordTable table : List.of(lexicon.words(), lexicon.degrees(), lexicon.negators(), lexicon.prefixes())) {
      table.forEach((key, value) -> {
        assertAgrees(lexicon, index, key);
        checked[0]++;
      });
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      assertAgrees(lexicon, index, random.nextLong());
    }
    assertTrue(checked[0] > 10_000, "the shipped lexicon has " + checked[0] + " entries");
  }

  @Test
  void aWordThatIsAlsoANegatorAndAPrefixKeepsAllThree() {
    PolarityLexicon lexicon = PolarityLexicon.of(Map.of("不", (short) PolarityLexicon.NEGATIVE, "好", (short) 1),
        Map.of("很", 2), List.of("不", "不是"));
    long entry = lexicon.index().get(Hashing.of("不"));
    assertEquals(PolarityLexicon.NEGATIVE, LexiconIndex.word(entry));
    assertTrue(LexiconIndex.negator(entry));
    assertTrue(LexiconIndex.prefix(entry), "不 starts 不是");
    assertEquals(0, LexiconIndex.degree(entry));
    assertEquals(2, LexiconIndex.degree(lexicon.index().get(Hashing.of("很"))));
    assertFalse(LexiconIndex.prefix(lexicon.index().get(Hashing.of("好"))));
    assertEquals(0L, lexicon.index().get(Hashing.of("坏")));
  }

  @Test
  void aLexiconWithoutPrefixTableNeverStopsTheScanEarly() {
    PolarityLexicon full = PolarityLexicon.of(Map.of("好", (short) 1), Map.of(), List.of("不"));
    PolarityLexicon format1 = new PolarityLexicon(full.words(), full.degrees(), full.negators(), null);
    assertFalse(format1.index().hasPrefixes());
    assertEquals(1, LexiconIndex.word(format1.index().get(Hashing.of("好"))));
  }

  private static void assertAgrees(PolarityLexicon lexicon, LexiconIndex index, long hash) {
    long entry = index.get(hash);
    assertEquals(lexicon.words().get(hash), LexiconIndex.word(entry), "word value");
    assertEquals(lexicon.degrees().get(hash), LexiconIndex.degree(entry), "degree value");
    assertEquals(lexicon.negators().get(hash) != 0, LexiconIndex.negator(entry), "negator");
    assertEquals(lexicon.prefixes().get(hash) != 0, LexiconIndex.prefix(entry), "prefix");
  }
}
