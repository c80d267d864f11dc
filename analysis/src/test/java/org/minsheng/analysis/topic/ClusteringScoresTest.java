package org.minsheng.analysis.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {

  @Test
  void perfectClusteringScoresOne() {
    ClusteringScores s = ClusteringScores.of(List.of("a", "a", "b"), List.of("x", "x", "y"));
    assertEquals(1.0, s.bcubedPrecision(), 1e-12);
    assertEquals(1.0, s.bcubedRecall(), 1e-12);
    assertEquals(1.0, s.nmi(), 1e-12);
    assertEquals(2, s.clusters());
  }

  @Test
  void bcubedByHand() {
    // gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    ClusteringScores s = ClusteringScores.of(List.of("a", "a", "a", "b", "b"), List.of("x", "x", "y", "y", "y"));
    // precision: items 1,2 → 1; item 3 → 1/3; items 4,5 → 2/3
    assertEquals((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, s.bcubedPrecision(), 1e-12);
    // recall: items 1,2 → 2/3; item 3 → 1/3; items 4,5 → 1
    assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, s.bcubedRecall(), 1e-12);
    assertEquals(true, s.toJson().startsWith("{\"posts\":5,\"events\":2,\"clusters\":2,\"bcubed_precision\":0.7333,"),
        s.toJson());
  }

  @Test
  void allInOneClusterHasNoInformation() {
    ClusteringScores s = ClusteringScores.of(List.of("a", "b", "c", "d"), List.of("x", "x", "x", "x"));
    assertEquals(0.25, s.bcubedPrecision(), 1e-12);
    assertEquals(1.0, s.bcubedRecall(), 1e-12);
    assertEquals(0.0, s.nmi(), 1e-12);
  }
}
