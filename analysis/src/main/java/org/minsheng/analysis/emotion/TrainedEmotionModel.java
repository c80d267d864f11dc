package org.minsheng.analysis.emotion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.minsheng.analysis.textfeatures.FeatureBuffer;
import org.minsheng.analysis.textfeatures.LinearClassifier;
import org.minsheng.analysis.textfeatures.TextFeaturizer;

/**
 * The trained six-class emotion model (same features as the polarity model, see docs/SENTIMENT.md), loaded from the
 * classpath resource {@link #RESOURCE} or a file. Thread-confined: one per operator instance.
 */
public final class TrainedEmotionModel implements EmotionModel {
  public static final String RESOURCE = "/models/emotion.mslc.gz";
  public static final String KIND = "emotion";
  /** Class order of the model file: {@link EmotionLabel} order. */
  public static final List<String> CLASSES = Arrays.stream(EmotionLabel.values()).map(EmotionLabel::code).toList();

  private final LinearClassifier model;
  private final TextFeaturizer featurizer;
  private final FeatureBuffer buffer = new FeatureBuffer();
  private final double[] p = new double[CLASSES.size()];

  public TrainedEmotionModel(LinearClassifier model) {
    if (!model.classes().equals(CLASSES)) {
      throw new IllegalArgumentException("expected classes " + CLASSES + ", got " + model.classes());
    }
    this.model = model;
    this.featurizer = model.newFeaturizer();
  }

  /** Loads the model shipped with the project. */
  public TrainedEmotionModel() {
    this(loadResource());
  }

  public static TrainedEmotionModel fromFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new TrainedEmotionModel(LinearClassifier.read(in, KIND));
    }
  }

  private static LinearClassifier loadResource() {
    try (InputStream in = TrainedEmotionModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("emotion model resource " + RESOURCE + " is not on the classpath");
      }
      return LinearClassifier.read(in, KIND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emotion model " + RESOURCE, e);
    }
  }

  @Override
  public Emotion classify(String text) {
    featurizer.featurize(text, buffer);
    model.probabilities(buffer, p);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Emotion(EmotionLabel.values()[best], p[best], p.clone());
  }
}
