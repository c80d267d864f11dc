package org.minsheng.analysis.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class HeatScorerTest {
  private static final HeatSettings S = HeatSettings.defaults();
  private static final long W = S.windowMs();

  private static TrendRollup window(int i, long volume, long negative, int sites) {
    TrendRollup r = new TrendRollup();
    r.kind = "topic";
    r.key = "t-1";
    r.windowStart = i * W;
    r.windowEnd = (i + 1) * W;
    r.volume = volume;
    r.negative = negative;
    r.neutral = volume - negative;
    r.interactions = volume * 20;
    r.reach = volume * 5000;
    r.sites = sites;
    return r;
  }

  @Test
  void burstRisesPeaksFadesThenStateIsDropped() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, TrendRollup, TrendRollup>(
        new KeyedProcessOperator<>(new HeatScorer(S)), r -> r.kind + ":" + r.key, Types.STRING);
    h.open();
    long[] volumes = {2, 2, 12, 40, 38, 10};
    for (int i = 0; i < volumes.length; i++) {
      h.processElement(new StreamRecord<>(window(i, volumes[i], volumes[i] / 2, (int) Math.min(volumes[i], 9)),
          (i + 1) * W - 1));
      h.processWatermark((i + 1) * W - 1);
    }
    List<TrendRollup> out = new ArrayList<>(h.extractOutputValues());
    assertEquals(List.of("emerging", "emerging", "rising", "rising", "peak", "fading"),
        out.stream().map(r -> r.lifecycle).toList());
    assertTrue(out.get(3).heat > out.get(1).heat, "heat rises with the burst: " + out.get(1).heat + " → "
        + out.get(3).heat);
    assertTrue(out.get(5).heat < out.get(4).heat, "and falls after it");
    assertEquals(5.0, out.get(2).growth, 1e-9, "12 after 2 posts");
    assertEquals(volumes.length, h.getSideOutput(HeatScorer.TOPIC_HEAT).size(), "one topic heat per window");

    // no more posts: empty windows are reported with falling heat, then the key is forgotten
    h.processWatermark((volumes.length + S.idleWindows() + 2) * W);
    List<TrendRollup> all = h.extractOutputValues();
    assertEquals(volumes.length + S.idleWindows(), all.size());
    TrendRollup last = all.get(all.size() - 1);
    assertEquals(0, last.volume);
    assertEquals("fading", last.lifecycle);
    assertTrue(last.heat < out.get(5).heat);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  @Test
  void formulaWeighsEachTermAndStaysWithinBounds() {
    HeatFormula f = new HeatFormula(S);
    assertEquals(0, f.heat(0, 0, 0, 0, 0, 0), 1e-9);
    double quiet = f.heat(5, 0, 10, 1000, 1, 0);
    double spread = f.heat(5, 0, 10, 1000, 10, 0);
    double negative = f.heat(5, 0, 10, 1000, 1, 5);
    double growing = f.heat(5, 2.0, 10, 1000, 1, 0);
    assertTrue(spread > quiet && negative > quiet && growing > quiet);
    assertEquals(100, f.heat(1_000_000, 100, 10_000_000, 1_000_000_000, 500, 1_000_000), 1e-9, "capped at 100");
    // negative share of 2 posts counts only 2/5
    assertEquals(S.negativeWeight() * 100 * 0.4, f.heat(2, 0, 0, 0, 1, 2) - f.heat(2, 0, 0, 0, 1, 0), 1e-9);
  }

  @Test
  void trendDocumentCarriesTheContractFields() {
    TrendRollup r = window(3, 12, 6, 4);
    r.heat = 42.5;
    var d = TrendDocuments.toDocument(r);
    assertEquals("topic:t-1:" + 3 * W, TrendDocuments.id(r));
    assertEquals(List.of("kind", "key", "windowStart", "windowEnd", "volume", "negative", "neutral", "positive",
        "interactions", "reach", "heat"), new ArrayList<>(d.keySet()));
    assertEquals("1970-01-01T00:30:00Z", d.get("windowStart"));
    assertEquals(42.5f, d.get("heat"));
    var doc = new TrendDocumentConverter().convert(r);
    assertEquals("minsheng-trends", doc.index());
    assertEquals(12, doc.source().get("volume").asLong());
  }

  @Test
  void lateFiringsReplaceTheirWindowsRollUpWithoutMovingTheKeyOn() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, TrendRollup, TrendRollup>(
        new KeyedProcessOperator<>(new HeatScorer(S)), r -> r.kind + ":" + r.key, Types.STRING);
    h.open();
    h.processElement(new StreamRecord<>(window(0, 4, 0, 2), W - 1));
    h.processElement(new StreamRecord<>(window(1, 8, 0, 2), 2 * W - 1));
    h.processWatermark(2 * W - 1);
    // late posts: window 1 fires again with 12 posts, then window 0 with 6
    h.processElement(new StreamRecord<>(window(1, 12, 0, 3), 2 * W - 1));
    h.processElement(new StreamRecord<>(window(0, 6, 0, 2), W - 1));
    List<TrendRollup> out = h.extractOutputValues();
    assertEquals(4, out.size());
    assertEquals(1.0, out.get(1).growth, 1e-9, "8 after 4");
    assertEquals(2.0, out.get(2).growth, 1e-9, "window 1 re-scored against the same window 0: 12 after 4");
    assertEquals(0.0, out.get(3).growth, 1e-9, "the key's first window keeps growth 0");
    assertTrue(out.get(2).heat > out.get(1).heat, "more posts, more heat");
    assertEquals(3, h.getSideOutput(HeatScorer.TOPIC_HEAT).size(), "the older window's late firing is not the topic's heat");
    assertEquals(1, h.numEventTimeTimers(), "still one timer: after the newest window");

    // the next window grows against window 1's fuller count
    h.processElement(new StreamRecord<>(window(2, 24, 0, 3), 3 * W - 1));
    assertEquals(1.0, h.extractOutputValues().get(4).growth, 1e-9, "24 after 12");
    // quiet afterwards: state and timers still go to zero
    h.processWatermark((3 + S.idleWindows() + 2) * W);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  @Test
  void lateWindowsAreAcceptedForAsLongAsAQuietKeyIsRemembered() {
    assertEquals(S.idleWindows() * S.windowMs(), S.allowedLatenessMs());
  }
}
