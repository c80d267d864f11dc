package org.minsheng.analysis.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.minsheng.analysis.nlp.Token;
import org.minsheng.analysis.textfeatures.FeatureBuffer;
import org.minsheng.analysis.textfeatures.LinearClassifier;
import org.minsheng.analysis.textfeatures.TextFeaturizer;

/**
 * The trained three-way polarity model (logistic regression over hashed character n-grams and lexicon features, see
 * docs/SENTIMENT.md), loaded from the classpath resource {@link #RESOURCE} or a file. Thread-confined: it keeps
 * scratch buffers, so create one per operator instance in {@code open()}. It works on characters and ignores the
 * {@code tokens} argument, so it does not depend on the job's segmenter.
 */
public final class TrainedSentimentModel implements SentimentModel {
  public static final String RESOURCE = "/models/sentiment.mslc.gz";
  public static final String KIND = "sentiment";

  private final LinearClassifier model;
  private final TextFeaturizer featurizer;
  private final FeatureBuffer buffer = new FeatureBuffer();
  private final double[] p = new double[3];

  public TrainedSentimentModel(LinearClassifier model) {
    if (!model.classes().equals(SentimentCorpus.CLASSES)) {
      throw new IllegalArgumentException("expected classes " + SentimentCorpus.CLASSES + ", got " + model.classes());
    }
    this.model = model;
    this.featurizer = model.newFeaturizer();
  }

  /** Loads the model shipped with the project. */
  public TrainedSentimentModel() {
    this(loadResource());
  }

  public static TrainedSentimentModel fromFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new TrainedSentimentModel(LinearClassifier.read(in, KIND));
    }
  }

  private static LinearClassifier loadResource() {
    try (InputStream in = TrainedSentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sentiment model resource " + RESOURCE + " is not on the classpath");
      }
      return LinearClassifier.read(in, KIND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment model " + RESOURCE, e);
    }
  }

  @Override
  public Sentiment score(String text, List<Token> tokens) {
    return score(text);
  }

  /** Scores a text (no segmentation needed). */
  public Sentiment score(String text) {
    featurizer.featurize(text, buffer);
    model.probabilities(buffer, p);
    double neg = p[SentimentCorpus.NEGATIVE];
    double neu = p[SentimentCorpus.NEUTRAL];
    double pos = p[SentimentCorpus.POSITIVE];
    SentimentLabel label;
    double confidence;
    if (neg >= neu && neg >= pos) {
      label = SentimentLabel.NEGATIVE;
      confidence = neg;
    } else if (pos >= neu) {
      label = SentimentLabel.POSITIVE;
      confidence = pos;
    } else {
      label = SentimentLabel.NEUTRAL;
      confidence = neu;
    }
    return new Sentiment(label, pos - neg, confidence, neg, neu, pos);
  }

  LinearClassifier classifier() {
    return model;
  }
}
