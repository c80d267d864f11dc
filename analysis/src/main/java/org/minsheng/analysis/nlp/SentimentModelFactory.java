package org.minsheng.analysis.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.minsheng.analysis.sentiment.SentimentModel;

/**
 * Chooses the sentiment model from configuration and makes one instance per operator. Serializable (it only holds the
 * names), so it travels with the job graph; the model itself is built in the operator's {@code open()}.
 *
 * <p>{@code model} is either a provider name registered through {@link ServiceLoader} ({@code lexicon}, and
 * {@code trained} once the trained model registers itself), or the fully-qualified class name of a
 * {@link SentimentModel.Provider} or of a {@link SentimentModel} with a public no-argument constructor.
 */
public final class SentimentModelFactory implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String location;

  public SentimentModelFactory(String model, String location) {
    this.model = Objects.requireNonNull(model, "model").strip();
    this.location = location == null ? "" : location.strip();
    if (this.model.isEmpty()) {
      throw new IllegalArgumentException("analysis.sentiment.model must name a model (e.g. lexicon)");
    }
  }

  public String model() {
    return model;
  }

  public String location() {
    return location;
  }

  /** A new model instance; fails with the list of known names when {@code model} matches nothing. */
  public SentimentModel create() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = SentimentModelFactory.class.getClassLoader();
    }
    List<String> known = new ArrayList<>();
    for (SentimentModel.Provider provider : ServiceLoader.load(SentimentModel.Provider.class, loader)) {
      if (provider.name().equals(model)) {
        return provider.create(location);
      }
      known.add(provider.name());
    }
    if (model.contains(".")) {
      return byClassName(loader);
    }
    throw new IllegalArgumentException("unknown sentiment model '" + model + "': known models are " + known
        + ", or give the class name of a SentimentModel.Provider");
  }

  private SentimentModel byClassName(ClassLoader loader) {
    try {
      Class<?> type = Class.forName(model, true, loader);
      Object instance = type.getConstructor().newInstance();
      if (instance instanceof SentimentModel.Provider provider) {
        return provider.create(location);
      }
      if (instance instanceof SentimentModel sentimentModel) {
        return sentimentModel;
      }
      throw new IllegalArgumentException("sentiment model class " + model
          + " is neither a SentimentModel.Provider nor a SentimentModel");
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot instantiate sentiment model class " + model + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return model + (location.isEmpty() ? "" : " @ " + location);
  }
}
