package org.minsheng.analysis.spam;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;

/** Fills {@code spamScore} and {@code spam}. Stateless; the scorer's lists are loaded per instance in {@code open()}. */
public final class SpamStage extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private final double threshold;
  private transient SpamScorer scorer;

  public SpamStage(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public void open(OpenContext ctx) {
    scorer = SpamScorer.bundled();
  }

  @Override
  public AnalyzedPost map(AnalyzedPost p) {
    String title = p.post.title();
    String text = p.post.text() == null ? "" : p.post.text();
    String layout = title == null ? text : title + "\n" + text;
    SpamScorer.Score s = scorer.score(layout, p.tokens);
    p.spamScore = s.score();
    p.spam = s.spam(threshold);
    return p;
  }
}
