package org.minsheng.analysis.topic.eval;

import java.util.List;
import org.minsheng.analysis.nlp.HanLpSegmenter;
import org.minsheng.analysis.nlp.Segmenter;
import org.minsheng.analysis.nlp.Token;
import org.minsheng.analysis.normalise.TextNormaliser;

/**
 * What the job does to a text before the topic stages, for the evaluation commands: the job's normaliser (full-width →
 * half-width, traditional → simplified, pinyin residue removed, whitespace cleaned) and the job's segmenter
 * ({@link HanLpSegmenter}, punctuation dropped). One instance per command; not thread-safe.
 */
public final class HanLpEvalSegmenter implements Segmenter {
  private final TextNormaliser normaliser = TextNormaliser.withHanLpTable();
  private final HanLpSegmenter segmenter = new HanLpSegmenter();

  @Override
  public List<Token> segment(String text) {
    return segmenter.segment(normaliser.normalise(text));
  }
}
