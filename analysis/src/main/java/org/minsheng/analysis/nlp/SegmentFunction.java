package org.minsheng.analysis.nlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * The segment stage: fills {@link AnalyzedPost#tokens} and {@link AnalyzedPost#pos} from the normalised text. The
 * segmenter (with its dictionaries) is created per operator instance in {@link #open(OpenContext)}.
 */
public class SegmentFunction extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private static final long serialVersionUID = 1L;

  private final ArrayList<String> customWords;
  private transient Segmenter segmenter;

  /** @param customWords extra dictionary words ({@code "word"} or {@code "word nature"}) for this job's segmenters */
  public SegmentFunction(List<String> customWords) {
    this.customWords = new ArrayList<>(customWords);
  }

  @Override
  public void open(OpenContext openContext) {
    segmenter = new HanLpSegmenter(customWords);
  }

  @Override
  public AnalyzedPost map(AnalyzedPost value) {
    List<Token> tokens = segmenter.segment(value.normalisedText);
    List<String> words = new ArrayList<>(tokens.size());
    List<String> tags = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      words.add(token.word());
      tags.add(token.pos());
    }
    value.tokens = words;
    value.pos = tags;
    return value;
  }

  /** The tokens of a post segmented by this stage, rebuilt from its parallel word and tag lists. */
  public static List<Token> tokensOf(AnalyzedPost post) {
    if (post.tokens == null) {
      return List.of();
    }
    List<Token> tokens = new ArrayList<>(post.tokens.size());
    for (int i = 0; i < post.tokens.size(); i++) {
      String pos = post.pos != null && i < post.pos.size() ? post.pos.get(i) : "x";
      tokens.add(new Token(post.tokens.get(i), pos));
    }
    return tokens;
  }
}
