package org.minsheng.analysis.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

  /** The heaviest k by a full sort (the former implementation): heavier first, ties by term. */
  private static List<String> bySort(Map<String, Double> vector, int k) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(vector.entrySet());
    entries.sort((a, b) -> {
      int c = Double.compare(b.getValue(), a.getValue());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    return entries.stream().limit(k).map(Map.Entry::getKey).toList();
  }

  @Test
  void topIsTheHeaviestKHeaviestFirstWithTiesByTerm() {
    Random r = new Random(5);
    for (int round = 0; round < 2_000; round++) {
      Map<String, Double> v = new HashMap<>();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        // few distinct weights, so that ties are common
        v.put("词" + r.nextInt(60), (double) r.nextInt(6));
      }
      int k = r.nextInt(15);
      assertThat(KeywordExtractor.top(v, k)).as("k=" + k + " of " + v).isEqualTo(bySort(v, k));
    }
    assertThat(KeywordExtractor.top(Map.of("甲", 1.0), 0)).isEmpty();
    assertThat(KeywordExtractor.top(Map.of(), 5)).isEmpty();
    List<String> mutable = KeywordExtractor.top(Map.of("甲", 1.0, "乙", 2.0), 5);
    mutable.add("丙");
    assertThat(mutable).containsExactly("乙", "甲", "丙");
  }

  @Test
  void weighingWithoutLearningLeavesTheFrequenciesAlone() {
    DocumentFrequencies df = new DocumentFrequencies(100, 1000);
    KeywordExtractor x = new KeywordExtractor(new TermFilter(Stopwords.bundled()), df, 2.0);
    x.learnAndWeigh(List.of("拆迁", "补偿", "居民"), List.of("v", "n", "n"));
    x.learnAndWeigh(List.of("拆迁", "天气"), List.of("v", "n"));
    byte[] before = df.toBytes();
    KeywordExtractor.Weighted w = x.weighOnly(List.of("拆迁", "补偿", "精品"), List.of("v", "n", "n"));
    assertThat(df.toBytes()).isEqualTo(before);
    assertThat(w.vector().keySet()).containsExactlyInAnyOrder("拆迁", "补偿", "精品");
    assertThat(w.vector().get("精品")).as("unseen: the highest IDF").isGreaterThan(w.vector().get("拆迁"));
  }
}
