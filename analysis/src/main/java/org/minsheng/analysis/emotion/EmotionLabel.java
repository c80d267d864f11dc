package org.minsheng.analysis.emotion;

import java.util.Locale;

/** The six emotion classes of SMP2020-EWECT. The lower-case name is what Elasticsearch stores. */
public enum EmotionLabel {
  HAPPY,
  ANGRY,
  SAD,
  FEAR,
  SURPRISE,
  NEUTRAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Maps labels of SMP2020-EWECT, NLPCC 2013/2014 and CLUE emotion to the six classes (like / happiness → happy,
   * disgust / anger → angry, sadness → sad, none → neutral), or null for an unknown label.
   */
  public static EmotionLabel fromDatasetLabel(String label) {
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "happy", "happiness", "like" -> HAPPY;
      case "angry", "anger", "disgust" -> ANGRY;
      case "sad", "sadness" -> SAD;
      case "fear" -> FEAR;
      case "surprise" -> SURPRISE;
      case "neutral", "none" -> NEUTRAL;
      default -> null;
    };
  }
}
