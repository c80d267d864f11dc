package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.minsheng.config.Settings;

/**
 * Cleans extracted text by running it through a configured list of {@link CleaningFilter}s, in order.
 *
 * <p>Configuration ({@code minsheng-extract-defaults.yaml}): {@code clean.chain} lists the filters by name (built-in
 * names below, or a fully qualified class name implementing {@link CleaningFilter} with a public no-argument
 * constructor); {@code clean.<name>} holds each filter's settings. The order matters: pinyin residue goes before
 * traditional → simplified (the residue follows traditional characters), conversion before the line filters (their
 * patterns are in simplified script), and {@code tidy} last.
 *
 * <p>Thread-safe once built: filters keep no per-call state.
 */
public final class CleaningChain {
  public static final String DEFAULTS = "minsheng-extract-defaults.yaml";
  static final Map<String, Supplier<CleaningFilter>> BUILT_IN = Map.of(
      "pinyin-residue", PinyinResidueFilter::new,
      "traditional-to-simplified", TraditionalToSimplifiedFilter::new,
      "full-width", FullWidthFilter::new,
      "seo-spam", SeoSpamFilter::new,
      "boilerplate-lines", BoilerplateLineFilter::new,
      "recommendation-lists", RecommendationListFilter::new,
      "filler-sentences", FillerSentenceFilter::new,
      "tidy", TidyFilter::new);

  private final List<CleaningFilter> filters;

  public CleaningChain(List<CleaningFilter> filters) {
    this.filters = List.copyOf(Objects.requireNonNull(filters, "filters"));
  }

  /** The chain described by the defaults file (and environment overrides). */
  public static CleaningChain fromDefaults() {
    return fromSettings(Settings.load(DEFAULTS));
  }

  /** The chain described by the defaults file overridden by {@code userFile} (may be null) and the environment. */
  public static CleaningChain fromConfig(Path userFile) {
    return fromSettings(Settings.load(DEFAULTS, userFile, System.getenv()));
  }

  public static CleaningChain fromSettings(Settings settings) {
    JsonNode clean = settings.tree().path("clean");
    JsonNode chain = clean.path("chain");
    if (!chain.isArray()) {
      throw new IllegalArgumentException("clean.chain must be a list of filter names, got " + chain);
    }
    List<CleaningFilter> filters = new ArrayList<>();
    for (JsonNode n : chain) {
      String name = n.asText();
      CleaningFilter f = create(name);
      JsonNode params = clean.has(name) ? clean.get(name) : MissingNode.getInstance();
      f.configure(params);
      filters.add(f);
    }
    return new CleaningChain(filters);
  }

  static CleaningFilter create(String name) {
    Supplier<CleaningFilter> builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn.get();
    }
    try {
      Class<?> c = Class.forName(name);
      if (!CleaningFilter.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException("clean.chain: " + name + " does not implement " + CleaningFilter.class.getName());
      }
      return (CleaningFilter) c.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("clean.chain: unknown filter '" + name + "' (built-in: " + BUILT_IN.keySet()
          + ", or a class name)", e);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalArgumentException("clean.chain: cannot create " + name + ": " + cause, cause);
    }
  }

  /** Runs every filter in order. */
  public String clean(String text) {
    if (text == null) {
      return "";
    }
    String t = text;
    for (CleaningFilter f : filters) {
      t = f.apply(t);
    }
    return t;
  }

  public List<String> filterNames() {
    return filters.stream().map(CleaningFilter::name).toList();
  }
}
