package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the {@link ScopedPost}s of one scope and window into a {@link WindowCount}. Bounded: at most
 * {@code maxSites} sites and regions, {@code topPosts} posts and a keyword tally of {@code 4 × maxKeywords} entries.
 * Shared by the Flink aggregate function and the benchmark so both count the same way.
 */
public class WindowAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  public String scopeType;
  public String scopeKey;
  public long volume;
  public long negative;
  public double heat;
  public LinkedHashSet<String> sites = new LinkedHashSet<>();
  public LinkedHashSet<String> regions = new LinkedHashSet<>();
  public HashMap<String, Long> keywordCounts = new HashMap<>();
  public ArrayList<PostRef> topPosts = new ArrayList<>();

  public WindowAccumulator() {}

  public void add(ScopedPost p, AlertSettings.Window limits) {
    scopeType = p.scopeType;
    scopeKey = p.scopeKey;
    volume++;
    if (p.negative) {
      negative++;
    }
    heat += p.heat();
    if (p.site != null && sites.size() < limits.maxSites) {
      sites.add(p.site);
    }
    if (p.region != null && regions.size() < limits.maxSites) {
      regions.add(p.region);
    }
    if (p.keywords != null) {
      for (String k : p.keywords) {
        if (keywordCounts.containsKey(k) || keywordCounts.size() < 4 * limits.maxKeywords) {
          keywordCounts.merge(k, 1L, Long::sum);
        }
      }
    }
    offerPost(new PostRef(p.postId, p.title, p.url, p.site, p.interactions), limits.topPosts);
  }

  public void merge(WindowAccumulator other, AlertSettings.Window limits) {
    if (scopeType == null) {
      scopeType = other.scopeType;
      scopeKey = other.scopeKey;
    }
    volume += other.volume;
    negative += other.negative;
    heat += other.heat;
    for (String s : other.sites) {
      if (sites.size() < limits.maxSites) {
        sites.add(s);
      }
    }
    for (String r : other.regions) {
      if (regions.size() < limits.maxSites) {
        regions.add(r);
      }
    }
    other.keywordCounts.forEach((k, v) -> keywordCounts.merge(k, v, Long::sum));
    other.topPosts.forEach(p -> offerPost(p, limits.topPosts));
  }

  private void offerPost(PostRef ref, int max) {
    topPosts.add(ref);
    topPosts.sort(Comparator.comparingLong((PostRef r) -> r.interactions).reversed()
        .thenComparing(r -> r.id == null ? "" : r.id));
    while (topPosts.size() > max) {
      topPosts.remove(topPosts.size() - 1);
    }
  }

  public WindowCount toCount(long windowStart, long windowEnd, AlertSettings.Window limits) {
    WindowCount c = new WindowCount();
    c.scopeType = scopeType;
    c.scopeKey = scopeKey;
    c.windowStart = windowStart;
    c.windowEnd = windowEnd;
    c.volume = volume;
    c.negative = negative;
    c.heat = heat;
    c.sites = new ArrayList<>(sites);
    c.regions = new ArrayList<>(regions);
    List<Map.Entry<String, Long>> kw = new ArrayList<>(keywordCounts.entrySet());
    kw.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (int i = 0; i < kw.size() && i < limits.maxKeywords; i++) {
      c.keywords.add(kw.get(i).getKey());
    }
    c.topPosts = new ArrayList<>(topPosts);
    return c;
  }
}
