package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops lines injected into an article by content farms (seed 001: greeting-card lines, quotations and diary
 * fragments dropped between the paragraphs of an unrelated text) and template lines repeated next to each other.
 *
 * <p>Line-level topic overlap alone is not a safe signal: on real news pages many genuine lines share no content word
 * with the rest ("没有人敢回应，也没有人敢接这个单。", quoted verse, a closing remark). So a line is dropped only when
 * its <em>position</em> shows it was spliced in, or when it is both a fragment and off-topic:
 *
 * <ul>
 *   <li><b>splice</b> ({@code dropSplices}): the previous non-empty line stops in mid-sentence (no punctuation at its
 *       end) and the next non-empty line starts with 。，；、 — the sentence was cut open and this line put inside;
 *   <li><b>fragment</b> ({@code dropFragments}): the previous line stops in mid-sentence, this line ends with a comma,
 *       and its topic score is below {@code fragmentTopicScore};
 *   <li><b>quotation</b> ({@code dropQuotations}): at most {@code maxLineLength} characters ending in an attribution
 *       ("…。——赫尔普斯");
 *   <li><b>off-topic</b> (off by default, {@code minTopicScore: 0}): topic score below {@code minTopicScore};
 *   <li><b>repeat</b> ({@code repeatWindow}): the same line (whitespace ignored) among the previous
 *       {@code repeatWindow} non-empty lines (seed 004's heading printed three times; a Q&A's recurring questions
 *       further apart are kept). 0 turns it off.
 * </ul>
 *
 * <p>Topic score of a line: its content words are HanLP words of two or more characters tagged noun, verb, adjective,
 * idiom or abbreviation; the score is the mean over them of {@code min(other lines using the word, 3) / 3}. Lines
 * longer than {@code maxLineLength}, lines with fewer than {@code minContentWords} content words and headings (≤ 20
 * characters without punctuation) are never dropped for topic; documents with fewer than {@code minLines} non-empty
 * lines are not judged for topic.
 *
 * <p>The segmenter is this filter's own instance ({@code HanLP.newSegment()}, part-of-speech tagging switched on in its
 * own config); HanLP's static configuration and dictionaries are only read.
 */
public final class FillerSentenceFilter implements CleaningFilter {
  private static final Pattern QUOTATION = Pattern.compile("[。！？.!?”\"]\\s*——\\s*\\S{1,24}$");
  private final Segment segment = HanLP.newSegment().enablePartOfSpeechTagging(true);
  private int minContentWords = 1;
  private int maxLineLength = 120;
  private double minTopicScore = 0;
  private double fragmentTopicScore = 0.15;
  private int minLines = 6;
  private int repeatWindow = 3;
  private boolean dropSplices = true;
  private boolean dropFragments = true;
  private boolean dropQuotations = true;

  @Override
  public String name() {
    return "filler-sentences";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    minContentWords = s.integer("minContentWords", 1);
    maxLineLength = s.integer("maxLineLength", 120);
    minTopicScore = s.number("minTopicScore", 0);
    fragmentTopicScore = s.number("fragmentTopicScore", 0.15);
    minLines = s.integer("minLines", 6);
    repeatWindow = s.integer("repeatWindow", 3);
    dropSplices = s.bool("dropSplices", true);
    dropFragments = s.bool("dropFragments", true);
    dropQuotations = s.bool("dropQuotations", true);
  }

  @Override
  public String apply(String text) {
    List<String> lines = Lines.split(text);
    // Segmentation is the expensive part: only needed for the opt-in topic rule or when a fragment candidate exists.
    boolean needWords = minTopicScore > 0 || (dropFragments && hasFragmentCandidate(lines));
    List<Set<String>> words = new ArrayList<>(lines.size());
    Map<String, Integer> lineFrequency = new HashMap<>();
    int nonEmpty = 0;
    for (String line : lines) {
      Set<String> w = line.isBlank() || !needWords ? Set.of() : contentWords(line);
      words.add(w);
      w.forEach(x -> lineFrequency.merge(x, 1, Integer::sum));
      if (!line.isBlank()) {
        nonEmpty++;
      }
    }
    boolean judgeTopic = nonEmpty >= minLines;
    Deque<String> recent = new ArrayDeque<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.strip();
      if (t.isEmpty()) {
        out.add(line);
        continue;
      }
      String key = t.replaceAll("\\s+", "");
      boolean repeat = repeatWindow > 0 && recent.contains(key);
      recent.addLast(key);
      if (recent.size() > repeatWindow) {
        recent.removeFirst();
      }
      if (repeat || drop(lines, i, t, words.get(i), lineFrequency, judgeTopic)) {
        continue;
      }
      out.add(line);
    }
    return Lines.join(out);
  }

  private boolean drop(List<String> lines, int i, String t, Set<String> w, Map<String, Integer> freq, boolean judge) {
    if (startsWithPunctuation(t)) {
      return false;
    }
    String prev = neighbour(lines, i, -1);
    boolean afterCut = prev != null && !endsWithPunctuation(prev);
    if (dropSplices && afterCut) {
      String next = neighbour(lines, i, +1);
      if (next != null && startsWithPunctuation(next)) {
        return true;
      }
    }
    if (dropQuotations && t.length() <= maxLineLength && QUOTATION.matcher(t).find()) {
      return true;
    }
    if (!judge || t.length() > maxLineLength || w.size() < minContentWords || isHeading(t)) {
      return false;
    }
    double score = topicScore(w, freq);
    boolean fragment = dropFragments && afterCut && (t.endsWith("，") || t.endsWith(","));
    return (fragment && score < fragmentTopicScore) || score < minTopicScore;
  }

  private static boolean hasFragmentCandidate(List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if ((t.endsWith("，") || t.endsWith(",")) && !t.isEmpty() && !startsWithPunctuation(t)) {
        String prev = neighbour(lines, i, -1);
        if (prev != null && !endsWithPunctuation(prev)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isSplice(List<String> lines, int i) {
    String line = lines.get(i).strip();
    if (line.isEmpty() || startsWithPunctuation(line)) {
      return false;
    }
    String prev = neighbour(lines, i, -1);
    String next = neighbour(lines, i, +1);
    return prev != null && next != null && startsWithPunctuation(next) && !endsWithPunctuation(prev);
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

  /** Ends with any punctuation: a line cut in mid-sentence ends with a bare character. */
  private static boolean endsWithPunctuation(String s) {
    int c = s.codePointBefore(s.length());
    int type = Character.getType(c);
    return type == Character.OTHER_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION
        || "…".indexOf(c) >= 0;
  }

  private static double topicScore(Set<String> w, Map<String, Integer> lineFrequency) {
    double score = 0;
    for (String x : w) {
      score += Math.min(lineFrequency.getOrDefault(x, 1) - 1, 3) / 3.0;
    }
    return score / w.size();
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
