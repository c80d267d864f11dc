package org.minsheng.bench.latency;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.post.Post;

/**
 * Makes alerts fire, at known posts, during a latency run: {@code n} watch-list rules ({@code bench-00} …), each
 * matching one marker word (Han characters that do not occur in the generated corpus, e.g. 验警甲) with
 * {@code minPosts: 1}, and a post stream in which the i-th marker is appended to exactly one post, spread evenly over
 * the first 90 % of the run. Each rule therefore fires once (one alert per scope and rule), triggered by a post whose spool write time is
 * known: alert latency = when the alert was seen − that time.
 */
final class MarkerPosts implements Iterator<Post> {
  private static final String STEMS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

  private final Iterator<Post> corpus;
  private static final double SPREAD = 0.9;
  /** Post index → marker number: marker k goes to post floor((k + 0.5) × 0.9 × total / rules). */
  private final Map<Long, Integer> positions = new java.util.HashMap<>();
  private long index;
  /** Post id → rule name, for the posts that carry a marker. */
  private final Map<String, String> triggers = new ConcurrentHashMap<>();

  /**
   * @param total posts the run will write (the markers are spread over them)
   * @param rules number of watch-list rules / marker posts
   */
  MarkerPosts(Iterator<Post> corpus, long total, int rules) {
    if (rules < 0 || rules > STEMS.length()) {
      throw new IllegalArgumentException("--watch-rules must be 0.." + STEMS.length());
    }
    this.corpus = corpus;
    for (int k = 0; k < rules && total > 0; k++) {
      // over the first 90 % of the run: after the feed stops no newer post moves the watermark past the last
      // second, and the topic stages (before the alert stage) would hold a marker there until the drain ends
      positions.put((long) Math.floor((k + 0.5) * SPREAD * total / rules), k);
    }
  }

  static String ruleName(int i) {
    return String.format("bench-%02d", i);
  }

  static String marker(int i) {
    return "验警" + STEMS.charAt(i);
  }

  /** The watch-list rules matching the markers, added to the job's alert settings before it starts. */
  static List<AlertSettings.WatchRuleSpec> rules(int n) {
    List<AlertSettings.WatchRuleSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AlertSettings.WatchRuleSpec r = new AlertSettings.WatchRuleSpec();
      r.name = ruleName(i);
      r.expression = "\"" + marker(i) + "\"";
      r.minPosts = 1;
      out.add(r);
    }
    return out;
  }

  Map<String, String> triggers() {
    return triggers;
  }

  @Override
  public boolean hasNext() {
    return corpus.hasNext();
  }

  @Override
  public Post next() {
    Post p = corpus.next();
    Integer rule = positions.get(index++);
    if (rule != null) {
      String text = (p.text() == null ? "" : p.text()) + " " + marker(rule) + "。";
      p = p.toBuilder().text(text).build();
      triggers.put(p.id(), ruleName(rule));
    }
    return p;
  }
}
