package org.minsheng.analysis.spam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content-farm / spam score of one text, in [0, 1], from independent signals each scored in [0, 1] and combined as
 * {@code 1 - Π(1 - s_i)} (any one strong signal suffices, weak ones add up):
 *
 * <ul>
 *   <li>{@code titleList}: share of the text in long runs of short items separated by {@code | ｜ I _} — the lists of
 *       unrelated (often adult) titles stuffed into hijacked pages (seed 003);
 *   <li>{@code lexicon}: density of adult / gambling link-farm words ({@code spam/spam-lexicon.txt});
 *   <li>{@code links}: URLs and domain names per 1,000 characters;
 *   <li>{@code template}: content-farm boilerplate phrases ({@code spam/farm-templates.txt}: "小编就为大家分享…",
 *       "本站仅提供信息存储空间…") (seed 001);
 *   <li>{@code filler}: share of short paragraphs that share nothing with the rest of the text — unrelated quotes and
 *       sentences injected between paragraphs to defeat duplicate detection (seed 001);
 *   <li>{@code stuffing}: one content word making up an outsized share of the words.
 * </ul>
 *
 * Pure and thread-safe once built. Cross-site template repetition is caught by the duplicate stage instead (identical
 * boilerplate makes identical SimHash bands).
 */
public final class SpamScorer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern LINK = Pattern.compile(
      "(?i)(https?://\\S+|www\\.[a-z0-9-]+|[a-z0-9-]+\\.(com|cn|net|org|cc|top|xyz|vip)\\b)");
  private static final Pattern SEPARATED = Pattern.compile("[|｜_]|(?<=\\p{IsHan})I(?=[\\p{IsHan}a-zA-Z0-9])");

  /** The signals of one text and their combination. */
  public record Score(double score, Map<String, Double> signals) {
    public boolean spam(double threshold) {
      return score >= threshold;
    }
  }

  private final List<String> lexicon;
  private final List<String> templates;

  public SpamScorer(List<String> lexicon, List<String> templates) {
    this.lexicon = List.copyOf(lexicon);
    this.templates = List.copyOf(templates);
  }

  public static SpamScorer bundled() {
    return new SpamScorer(readList("spam/spam-lexicon.txt"), readList("spam/farm-templates.txt"));
  }

  /**
   * @param text the post's text with its line breaks (layout signals need them)
   * @param tokens its segmented words (may be empty)
   */
  public Score score(String text, List<String> tokens) {
    Map<String, Double> s = new HashMap<>();
    String t = text == null ? "" : text;
    int len = Math.max(1, t.length());
    s.put("titleList", clamp((titleListShare(t) - 0.05) / 0.15));
    s.put("lexicon", clamp(countAll(t, lexicon) * 1000.0 / len / 20.0));
    Matcher m = LINK.matcher(t);
    int links = 0;
    while (m.find()) {
      links++;
    }
    s.put("links", links < 4 ? 0 : clamp((links * 1000.0 / len - 2) / 8.0));
    int templateHits = 0;
    for (String p : templates) {
      if (t.contains(p)) {
        templateHits++;
      }
    }
    s.put("template", clamp(templateHits / 2.0));
    s.put("filler", clamp((fillerShare(t) - 0.15) / 0.25));
    s.put("stuffing", stuffing(tokens));
    double keep = 1;
    for (double v : s.values()) {
      keep *= 1 - v;
    }
    return new Score(1 - keep, s);
  }

  /** Share of characters in runs of ≥ 8 short items (≤ 30 chars) joined by list separators. */
  static double titleListShare(String t) {
    String[] items = SEPARATED.split(t, -1);
    int inRuns = 0;
    int run = 0;
    int runChars = 0;
    for (String item : items) {
      String x = item.strip();
      if (!x.isEmpty() && x.length() <= 30 && x.indexOf('\n') < 0) {
        run++;
        runChars += x.length();
      } else {
        if (run >= 8) {
          inRuns += runChars;
        }
        run = 0;
        runChars = 0;
      }
    }
    if (run >= 8) {
      inRuns += runChars;
    }
    return (double) inRuns / Math.max(1, t.length());
  }

  /**
   * Short paragraphs (6–60 chars) of which fewer than a quarter of the character bigrams recur (≥ 3 times) in the
   * text, as a share of all paragraphs.
   */
  static double fillerShare(String t) {
    String[] paragraphs = t.split("\\n+");
    if (paragraphs.length < 6) {
      return 0;
    }
    Map<String, Integer> bigrams = new HashMap<>();
    for (String p : paragraphs) {
      for (String b : hanBigrams(p)) {
        bigrams.merge(b, 1, Integer::sum);
      }
    }
    int shortParas = 0;
    int unrelated = 0;
    for (String p : paragraphs) {
      String x = p.strip();
      if (x.length() < 6 || x.length() > 60) {
        continue;
      }
      shortParas++;
      Set<String> own = hanBigrams(x);
      int recurring = 0;
      for (String b : own) {
        if (bigrams.getOrDefault(b, 0) >= 3) {
          recurring++;
        }
      }
      if (recurring < 0.25 * own.size()) {
        unrelated++;
      }
    }
    return paragraphs.length == 0 ? 0 : (double) unrelated / paragraphs.length * (shortParas >= 3 ? 1 : 0);
  }

  private static Set<String> hanBigrams(String p) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < p.length(); i++) {
      char a = p.charAt(i);
      char b = p.charAt(i + 1);
      if (Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN
          && Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN) {
        out.add(p.substring(i, i + 2));
      }
    }
    return out;
  }

  /** 0 below a 10% share of the commonest word (of ≥ 2 chars) among ≥ 80 words, 1 at 30%. */
  static double stuffing(List<String> tokens) {
    if (tokens == null || tokens.size() < 80) {
      return 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    int words = 0;
    for (String w : tokens) {
      if (w.length() >= 2) {
        counts.merge(w, 1, Integer::sum);
        words++;
      }
    }
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return clamp(((double) max / Math.max(1, words) - 0.10) / 0.20);
  }

  private static int countAll(String t, List<String> words) {
    int n = 0;
    for (String w : words) {
      int i = t.indexOf(w);
      while (i >= 0) {
        n++;
        i = t.indexOf(w, i + w.length());
      }
    }
    return n;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static List<String> readList(String resource) {
    try (InputStream in = SpamScorer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("spam list " + resource + " not found on the classpath");
      }
      List<String> out = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          line = line.strip();
          if (!line.isEmpty() && !line.startsWith("#")) {
            out.add(line);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spam list " + resource, e);
    }
  }
}
