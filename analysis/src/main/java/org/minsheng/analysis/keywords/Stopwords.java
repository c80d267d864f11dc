package org.minsheng.analysis.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Function words that carry no topic: our own short list ({@code topic/stopwords.txt}, written for this project), not
 * the licence-less shared lists. Immutable once loaded.
 */
public final class Stopwords implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESOURCE = "topic/stopwords.txt";

  private final Set<String> words;

  private Stopwords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The bundled list. */
  public static Stopwords bundled() {
    try (InputStream in = Stopwords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("stopword list " + RESOURCE + " not found on the classpath");
      }
      Set<String> words = new HashSet<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          line = line.strip();
          if (!line.isEmpty() && !line.startsWith("#")) {
            words.add(line);
          }
        }
      }
      return new Stopwords(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stopword list " + RESOURCE, e);
    }
  }

  public static Stopwords of(Set<String> words) {
    return new Stopwords(words);
  }

  public boolean contains(String word) {
    return words.contains(word);
  }

  public int size() {
    return words.size();
  }
}
