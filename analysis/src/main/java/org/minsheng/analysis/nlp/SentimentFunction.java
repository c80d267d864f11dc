package org.minsheng.analysis.nlp;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.sentiment.Sentiment;
import org.minsheng.analysis.sentiment.SentimentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment stage: scores the normalised text and its tokens with the configured {@link SentimentModel}, made per
 * operator instance in {@link #open(OpenContext)}.
 */
public class SentimentFunction extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SentimentFunction.class);

  private final SentimentModelFactory factory;
  private transient SentimentModel model;

  public SentimentFunction(SentimentModelFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public void open(OpenContext openContext) {
    model = factory.create();
    LOG.info("sentiment stage uses model {} ({})", factory, model.getClass().getName());
  }

  @Override
  public AnalyzedPost map(AnalyzedPost value) {
    Sentiment sentiment = model.score(value.normalisedText, SegmentFunction.tokensOf(value));
    value.sentimentLabel = sentiment.label().code();
    value.sentimentScore = sentiment.score();
    value.sentimentConfidence = sentiment.confidence();
    return value;
  }
}
