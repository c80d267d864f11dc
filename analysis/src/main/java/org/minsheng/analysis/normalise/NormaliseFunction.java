package org.minsheng.analysis.normalise;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.post.Post;

/**
 * The normalise stage: the post's title and text are replaced by their normalised forms (so that the stored
 * {@code title} / {@code text} fields are simplified, half-width and clean, as docs/ARCHITECTURE.md specifies), and
 * {@link AnalyzedPost#normalisedText} is set to both joined. The original spelling stays in the spool files. The
 * conversion table is loaded per operator instance in {@link #open(OpenContext)}.
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
    return normalise(normaliser, value);
  }

  /** The stage's effect on one post (pure apart from updating {@code value} in place). */
  public static AnalyzedPost normalise(TextNormaliser normaliser, AnalyzedPost value) {
    Post post = value.post;
    String title = post.title() == null ? null : normaliser.normalise(post.title());
    String text = normaliser.normalise(post.text());
    value.post = post.toBuilder().title(title == null || title.isEmpty() ? null : title).text(text).build();
    value.normalisedText = TextNormaliser.join(title, text); // each part normalised once
    return value;
  }
}
