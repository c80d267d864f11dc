package org.minsheng.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOverUnsortedValues() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100 … 1
    }
    Percentiles p = new Percentiles(values);
    assertEquals(50L, p.at(50));
    assertEquals(95L, p.at(95));
    assertEquals(99L, p.at(99));
    assertEquals(100L, p.at(100));
    assertEquals(1L, p.at(0.5));
    assertEquals(100, values[0], "input not modified");
  }

  @Test
  void smallAndEmptySets() {
    assertEquals(7L, new Percentiles(new long[] {7}).at(99));
    assertEquals(2L, new Percentiles(new long[] {3, 1, 2}).at(50));
    assertEquals(3L, new Percentiles(new long[] {3, 1, 2}).at(95));
    assertNull(new Percentiles(new long[0]).at(50));
  }
}
