package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops lines that do not belong to the document: filler sentences injected between paragraphs by content farms
 * (seed 001's "新人新居，欢歌笑语。", quotations, greeting-card lines) and repeated template lines.
 *
 * <p>Off-topic test: the document's content words are HanLP words of two or more characters tagged as noun, verb,
 * adjective, idiom or abbreviation. A line with at least {@code minContentWords} content words and at most
 * {@code maxLineLength} characters is dropped when less than {@code minSharedShare} of its content words occur in any
 * other line. Documents with fewer than {@code minLines} non-empty lines are left alone (too little context to judge).
 * Repeated lines: a non-empty line seen before (whitespace ignored) is dropped when {@code dropRepeatedLines}.
 *
 * <p>The segmenter is this filter's own instance ({@code HanLP.newSegment()}, part-of-speech tagging switched on in its
 * own config); HanLP's static configuration and dictionaries are only read.
 */
public final class FillerSentenceFilter implements CleaningFilter {
  private final Segment segment = HanLP.newSegment().enablePartOfSpeechTagging(true);
  private int minContentWords = 2;
  private int maxLineLength = 120;
  private double minSharedShare = 0.25;
  private int minLines = 6;
  private boolean dropRepeatedLines = true;

  @Override
  public String name() {
    return "filler-sentences";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    minContentWords = s.integer("minContentWords", 2);
    maxLineLength = s.integer("maxLineLength", 120);
    minSharedShare = s.number("minSharedShare", 0.25);
    minLines = s.integer("minLines", 6);
    dropRepeatedLines = s.bool("dropRepeatedLines", true);
  }

  @Override
  public String apply(String text) {
    List<String> lines = Lines.split(text);
    List<Set<String>> words = new ArrayList<>(lines.size());
    Map<String, Integer> lineFrequency = new HashMap<>();
    int nonEmpty = 0;
    for (String line : lines) {
      Set<String> w = line.isBlank() ? Set.of() : contentWords(line);
      words.add(w);
      w.forEach(x -> lineFrequency.merge(x, 1, Integer::sum));
      if (!line.isBlank()) {
        nonEmpty++;
      }
    }
    boolean judgeTopic = nonEmpty >= minLines;
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String key = line.replaceAll("\\s+", "");
      if (!key.isEmpty() && dropRepeatedLines && !seen.add(key)) {
        continue;
      }
      if (judgeTopic && offTopic(line, words.get(i), lineFrequency)) {
        continue;
      }
      out.add(line);
    }
    return Lines.join(out);
  }

  private boolean offTopic(String line, Set<String> w, Map<String, Integer> lineFrequency) {
    if (w.size() < minContentWords || line.strip().length() > maxLineLength) {
      return false;
    }
    long shared = w.stream().filter(x -> lineFrequency.getOrDefault(x, 0) > 1).count();
    return shared < minSharedShare * w.size();
  }

  Set<String> contentWords(String line) {
    Set<String> out = new LinkedHashSet<>();
    for (Term t : segment.seg(line)) {
      if (t.word.length() < 2 || t.nature == null) {
        continue;
      }
      String pos = t.nature.toString();
      char c = pos.isEmpty() ? 'x' : pos.charAt(0);
      if (c == 'n' || c == 'v' || c == 'a' || c == 'i' || c == 'l' || c == 'j') {
        out.add(t.word);
      }
    }
    return out;
  }
}
