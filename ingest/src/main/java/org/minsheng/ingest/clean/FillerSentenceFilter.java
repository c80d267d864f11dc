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
 * adjective, idiom or abbreviation. A line's topic score is the mean, over its content words, of
 * {@code min(lines the word occurs in besides this one, 3) / 3}: a word the rest of the document keeps using counts
 * fully, a word seen once elsewhere a third, a word seen nowhere else zero. A line of at most {@code maxLineLength}
 * characters with at least {@code minContentWords} content words is dropped when its score is below
 * {@code minTopicScore}. Headings (at most 20 characters without any punctuation) are never judged, nor are documents
 * with fewer than {@code minLines} non-empty lines (too little context).
 * Repeated lines: a non-empty line seen before (whitespace ignored) is dropped when {@code dropRepeatedLines}.
 *
 * <p>Splices ({@code dropSplices}): a line inserted into the middle of a sentence — the previous non-empty line does not
 * end a sentence and the next non-empty line starts with punctuation ("…威信" / filler / "。近些年来…") — is dropped
 * whatever its words. Quotations ({@code dropQuotations}): a line of at most {@code maxLineLength} characters ending in
 * an attribution "——赫尔普斯" is dropped.
 *
 * <p>The segmenter is this filter's own instance ({@code HanLP.newSegment()}, part-of-speech tagging switched on in its
 * own config); HanLP's static configuration and dictionaries are only read.
 */
public final class FillerSentenceFilter implements CleaningFilter {
  private final Segment segment = HanLP.newSegment().enablePartOfSpeechTagging(true);
  private int minContentWords = 1;
  private int maxLineLength = 120;
  private double minTopicScore = 0.15;
  private int minLines = 6;
  private boolean dropRepeatedLines = true;
  private boolean dropSplices = true;
  private boolean dropQuotations = true;
  private static final java.util.regex.Pattern QUOTATION = java.util.regex.Pattern.compile("[。！？.!?”\"]\\s*——\\s*\\S{1,24}$");

  @Override
  public String name() {
    return "filler-sentences";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    minContentWords = s.integer("minContentWords", 1);
    maxLineLength = s.integer("maxLineLength", 120);
    minTopicScore = s.number("minTopicScore", 0.15);
    minLines = s.integer("minLines", 6);
    dropRepeatedLines = s.bool("dropRepeatedLines", true);
    dropSplices = s.bool("dropSplices", true);
    dropQuotations = s.bool("dropQuotations", true);
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
      if (dropSplices && isSplice(lines, i)) {
        continue;
      }
      if (dropQuotations && line.strip().length() <= maxLineLength && QUOTATION.matcher(line.strip()).find()) {
        continue;
      }
      out.add(line);
    }
    return Lines.join(out);
  }

  static boolean isSplice(List<String> lines, int i) {
    String line = lines.get(i).strip();
    if (line.isEmpty() || startsWithPunctuation(line)) {
      return false;
    }
    String prev = neighbour(lines, i, -1);
    String next = neighbour(lines, i, +1);
    return prev != null && next != null && startsWithPunctuation(next) && !endsSentence(prev);
  }

  private static String neighbour(List<String> lines, int i, int step) {
    for (int j = i + step; j >= 0 && j < lines.size(); j += step) {
      String t = lines.get(j).strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    return null;
  }

  private static boolean startsWithPunctuation(String s) {
    return "。，,；;、".indexOf(s.charAt(0)) >= 0;
  }

  private static boolean endsSentence(String s) {
    return "。！？!?…”’」』)）:：".indexOf(s.charAt(s.length() - 1)) >= 0;
  }

  private boolean offTopic(String line, Set<String> w, Map<String, Integer> lineFrequency) {
    String t = line.strip();
    if (w.size() < minContentWords || t.length() > maxLineLength || isHeading(t)) {
      return false;
    }
    double score = 0;
    for (String x : w) {
      score += Math.min(lineFrequency.getOrDefault(x, 1) - 1, 3) / 3.0;
    }
    return score / w.size() < minTopicScore;
  }

  private static boolean isHeading(String t) {
    return t.length() <= 20 && t.chars().noneMatch(c -> "，,。！？!?；;".indexOf(c) >= 0);
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
