package org.minsheng.analysis.emotion;

/**
 * Classifies the emotion of a text into the six SMP2020-EWECT classes. Implementations may keep scratch buffers and
 * large tables: create one per operator in {@code open()}, use it from that operator's thread only.
 */
public interface EmotionModel {

  /** @param text normalised text (simplified script, half-width) */
  Emotion classify(String text);
}
