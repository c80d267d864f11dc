package org.minsheng.analysis.normalise;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * The normalise stage: sets {@link AnalyzedPost#normalisedText} from the post's title and text. The conversion table
 * is loaded per operator instance in {@link #open(OpenContext)}; the post itself is left as ingest sent it.
 */
public class NormaliseFunction extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private static final long serialVersionUID = 1L;

  private transient TextNormaliser normaliser;

  @Override
  public void open(OpenContext openContext) {
    normaliser = TextNormaliser.withHanLpTable();
  }

  @Override
  public AnalyzedPost map(AnalyzedPost value) {
    value.normalisedText = normaliser.normalise(value.post.title(), value.post.text());
    return value;
  }
}
