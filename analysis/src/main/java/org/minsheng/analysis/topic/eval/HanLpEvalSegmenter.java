package org.minsheng.analysis.topic.eval;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.analysis.nlp.Segmenter;
import org.minsheng.analysis.nlp.Token;

/**
 * The segmentation the evaluation command feeds the clusterer when the job's own segmenter is not on the classpath:
 * a per-instance HanLP Viterbi segment with person, place and organisation recognition, punctuation dropped, text
 * converted to simplified script first. Creates its own {@link Segment}; touches no HanLP static configuration.
 */
public final class HanLpEvalSegmenter implements Segmenter {
  private final Segment segment = HanLP.newSegment()
      .enableNameRecognize(true)
      .enablePlaceRecognize(true)
      .enableOrganizationRecognize(true);

  @Override
  public List<Token> segment(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (Term term : segment.seg(HanLP.convertToSimplifiedChinese(text))) {
      String pos = term.nature == null ? "" : term.nature.toString();
      if (pos.startsWith("w") || term.word.isBlank()) {
        continue;
      }
      out.add(new Token(term.word, pos));
    }
    return out;
  }
}
