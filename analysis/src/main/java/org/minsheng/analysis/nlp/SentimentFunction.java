package org.minsheng.analysis.nlp;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.emotion.TrainedEmotionModel;
import org.minsheng.analysis.sentiment.SentimentAnnotator;
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
  private final boolean emotion;
  private transient SentimentAnnotator annotator;

  /** Polarity only. */
  public SentimentFunction(SentimentModelFactory factory) {
    this(factory, false);
  }

  /** Polarity, and emotion with the shipped emotion model when {@code emotion} is true. */
  public SentimentFunction(SentimentModelFactory factory, boolean emotion) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.emotion = emotion;
  }

  @Override
  public void open(OpenContext openContext) {
    SentimentModel model = factory.create();
    annotator = new SentimentAnnotator(model, emotion ? new TrainedEmotionModel() : null);
    LOG.info("sentiment stage uses model {} ({}), emotion {}", factory, model.getClass().getName(),
        emotion ? "on" : "off");
  }

  @Override
  public AnalyzedPost map(AnalyzedPost value) {
    return annotator.annotate(value);
  }
}
