package org.minsheng.analysis.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Provides {@link TrainedSentimentModel} under the name {@code trained}: the bundled model
 * ({@value TrainedSentimentModel#RESOURCE}) when the location is empty, else the model file at the location (as
 * written by {@code ./minsheng train sentiment}).
 */
public final class TrainedSentimentModelProvider implements SentimentModel.Provider {
  public static final String NAME = "trained";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SentimentModel create(String location) {
    if (location == null || location.isBlank()) {
      return new TrainedSentimentModel();
    }
    try {
      return TrainedSentimentModel.fromFile(Path.of(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the sentiment model " + location, e);
    }
  }
}
