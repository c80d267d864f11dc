package org.minsheng.analysis.emotion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An emotion judgement.
 *
 * @param label the most likely class
 * @param confidence calibrated probability of {@code label}
 * @param probabilities calibrated probability per class, indexed by {@link EmotionLabel#ordinal()}
 */
public record Emotion(EmotionLabel label, double confidence, double[] probabilities) {

  public double probability(EmotionLabel l) {
    return probabilities[l.ordinal()];
  }

  /** {@code {"happy": p, …}} in enum order, as stored in {@code AnalyzedPost.emotionProbabilities}. */
  public Map<String, Double> probabilityMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (EmotionLabel l : EmotionLabel.values()) {
      m.put(l.code(), probabilities[l.ordinal()]);
    }
    return m;
  }
}
