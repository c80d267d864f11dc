package org.minsheng.analysis.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of {@link LexiconSentimentModel}: sentiment words with signed weights, negation words and degree
 * multipliers. Immutable once built.
 *
 * <p>The bundled lists ({@code sentiment-lexicon/*.txt} on the classpath) are small and hand-written for Minsheng:
 * 92 positive and 101 negative words chosen for public-opinion text (complaints, accidents, officials' conduct,
 * services), 20 negations, 25 degree words.
 */
public final class Lexicon {
  public static final String RESOURCE_DIR = "sentiment-lexicon/";

  private final Map<String, Double> polarity;
  private final Set<String> negations;
  private final Map<String, Double> degrees;

  /**
   * @param polarity word → signed weight (positive words &gt; 0, negative words &lt; 0)
   * @param negations negation words
   * @param degrees degree word → multiplier (&gt; 0)
   */
  public Lexicon(Map<String, Double> polarity, Set<String> negations, Map<String, Double> degrees) {
    this.polarity = Map.copyOf(polarity);
    this.negations = Set.copyOf(negations);
    this.degrees = Map.copyOf(degrees);
  }

  /** The bundled lexicon from {@code sentiment-lexicon/} on the classpath. */
  public static Lexicon bundled() {
    Map<String, Double> polarity = new HashMap<>();
    readWeighted(RESOURCE_DIR + "positive.txt").forEach((w, v) -> polarity.put(w, v));
    readWeighted(RESOURCE_DIR + "negative.txt").forEach((w, v) -> {
      if (polarity.containsKey(w)) {
        throw new IllegalStateException("sentiment lexicon lists '" + w + "' as both positive and negative");
      }
      polarity.put(w, -v);
    });
    Set<String> negations = new HashSet<>(readWeighted(RESOURCE_DIR + "negation.txt").keySet());
    Map<String, Double> degrees = readWeighted(RESOURCE_DIR + "degree.txt");
    return new Lexicon(polarity, negations, degrees);
  }

  /** Signed weight of a sentiment word, or 0 when the word carries none. */
  public double polarity(String word) {
    return polarity.getOrDefault(word, 0.0);
  }

  public boolean isNegation(String word) {
    return negations.contains(word);
  }

  /** Multiplier of a degree word, or 0 when the word is not one. */
  public double degree(String word) {
    return degrees.getOrDefault(word, 0.0);
  }

  public int sentimentWords() {
    return polarity.size();
  }

  /** Reads {@code word[<TAB or spaces>weight]} lines (weight 1 when absent); {@code #} starts a comment line. */
  static Map<String, Double> readWeighted(String resource) {
    InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("sentiment lexicon file " + resource + " not found on the classpath");
    }
    Map<String, Double> words = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split("\\s+");
        double weight = 1.0;
        if (parts.length > 2) {
          throw new IllegalStateException(resource + ":" + number + ": expected 'word' or 'word<TAB>weight', got '" + line + "'");
        }
        if (parts.length == 2) {
          try {
            weight = Double.parseDouble(parts[1]);
          } catch (NumberFormatException e) {
            throw new IllegalStateException(resource + ":" + number + ": weight '" + parts[1] + "' is not a number", e);
          }
          if (!(weight > 0)) {
            throw new IllegalStateException(resource + ":" + number + ": weight must be > 0, was " + weight);
          }
        }
        if (words.put(parts[0], weight) != null) {
          throw new IllegalStateException(resource + ":" + number + ": '" + parts[0] + "' listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return words;
  }
}
