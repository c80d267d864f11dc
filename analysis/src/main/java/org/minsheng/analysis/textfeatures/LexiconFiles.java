package org.minsheng.analysis.textfeatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the shared lexicon folder ({@code data/lexicons}: HowNet, NTUSD, Tsinghua Li Jun, DUTIR) into a
 * {@link PolarityLexicon}. A word listed as positive by some lists and negative by others is dropped; DUTIR adds its
 * emotion category. Missing files are logged and skipped, so any subset works.
 */
public final class LexiconFiles {
  private static final Logger LOG = LoggerFactory.getLogger(LexiconFiles.class);
  private static final Pattern LEVEL_HEADING = Pattern.compile("^(\\d)\\.\\s.*");

  private LexiconFiles() {}

  public static PolarityLexicon load(Path lexiconDir) throws IOException {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    for (String f : List.of("hownet/positive_evaluation_zh.txt", "hownet/positive_emotion_zh.txt",
        "ntusd/ntusd_positive_simplified.txt", "tsinghua_lijun/tsinghua_positive.txt")) {
      readList(lexiconDir.resolve(f), f.startsWith("hownet"), pos);
    }
    for (String f : List.of("hownet/negative_evaluation_zh.txt", "hownet/negative_emotion_zh.txt",
        "ntusd/ntusd_negative_simplified.txt", "tsinghua_lijun/tsinghua_negative.txt")) {
      readList(lexiconDir.resolve(f), f.startsWith("hownet"), neg);
    }
    Map<String, Short> words = new HashMap<>();
    Map<String, Integer> categories = readDutir(lexiconDir.resolve("dutir_ontology/dutir_emotion_ontology.tsv"), pos,
        neg);
    for (String w : pos) {
      if (!neg.contains(w)) {
        words.put(w, (short) PolarityLexicon.POSITIVE);
      }
    }
    for (String w : neg) {
      if (!pos.contains(w)) {
        words.put(w, (short) PolarityLexicon.NEGATIVE);
      }
    }
    categories.forEach((w, c) -> words.merge(w, (short) (c << 2), (a, b) -> (short) (a | b)));
    Map<String, Integer> degrees = new HashMap<>(PolarityLexicon.BUILT_IN_DEGREES);
    degrees.putAll(readDegrees(lexiconDir.resolve("hownet/degree_levels_zh.txt")));
    PolarityLexicon.BUILT_IN_DEGREES.forEach(degrees::put);
    // A negator wins over a polarity entry of the same spelling (不, 没有): polarity words are matched first by
    // length, so drop single-char collisions.
    PolarityLexicon.BUILT_IN_NEGATORS.forEach(words::remove);
    degrees.keySet().removeIf(PolarityLexicon.BUILT_IN_NEGATORS::contains);
    LOG.info("Lexicon: {} polarity words ({} with a DUTIR category), {} degree words, {} negators", words.size(),
        categories.size(), degrees.size(), PolarityLexicon.BUILT_IN_NEGATORS.size());
    return PolarityLexicon.of(words, degrees, PolarityLexicon.BUILT_IN_NEGATORS);
  }

  private static void readList(Path file, boolean hasTitleLine, Set<String> into) throws IOException {
    if (!Files.exists(file)) {
      LOG.warn("Lexicon file {} not found: skipped", file);
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null) {
        if (first && hasTitleLine) {
          first = false;
          continue;
        }
        first = false;
        String w = line.strip();
        if (usable(w)) {
          into.add(w);
        }
      }
    }
  }

  private static boolean usable(String w) {
    return w.length() >= 1 && w.length() <= 8 && w.chars().allMatch(Character::isIdeographic);
  }

  /** DUTIR rows: word, pos, senses, sense no, category, strength, polarity (0/1/2/3), … */
  private static Map<String, Integer> readDutir(Path file, Set<String> pos, Set<String> neg) throws IOException {
    Map<String, Integer> categories = new HashMap<>();
    if (!Files.exists(file)) {
      LOG.warn("Lexicon file {} not found: skipped", file);
      return categories;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 7) {
          continue;
        }
        String w = cols[0].strip();
        if (!usable(w)) {
          continue;
        }
        int category = PolarityLexicon.CATEGORIES.indexOf(cols[4].strip()) + 1;
        if (category > 0) {
          categories.putIfAbsent(w, category);
        }
        switch (cols[6].strip()) {
          case "1" -> pos.add(w);
          case "2" -> neg.add(w);
          default -> { }
        }
      }
    }
    return categories;
  }

  /** HowNet degree file: headings "1. “极其|extreme / 最|most” 69" followed by words. */
  private static Map<String, Integer> readDegrees(Path file) throws IOException {
    Map<String, Integer> degrees = new HashMap<>();
    if (!Files.exists(file)) {
      LOG.warn("Lexicon file {} not found: built-in degree words only", file);
      return degrees;
    }
    int level = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        Matcher m = LEVEL_HEADING.matcher(w);
        if (m.matches()) {
          level = Integer.parseInt(m.group(1));
        } else if (level > 0 && usable(w) && w.length() <= 4) {
          degrees.put(w, level);
        }
      }
    }
    return degrees;
  }
}
