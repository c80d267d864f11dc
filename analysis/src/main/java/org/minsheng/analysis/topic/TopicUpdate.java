package org.minsheng.analysis.topic;

import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot of a topic for its {@code minsheng-topics} document (the clusterer's fields; heat, growth and lifecycle come
 * from {@link org.minsheng.analysis.heat.TopicHeat}). A Flink POJO.
 */
public class TopicUpdate {
  public String topicId;
  public String title;
  public List<String> keywords = new ArrayList<>();
  public String firstPostId;
  public String representativePostId;
  public long firstSeen;
  public long lastSeen;
  public long updatedAt;
  public List<String> sites = new ArrayList<>();
  public List<String> regions = new ArrayList<>();
  public long postCount;
  public long reprintCount;
  public long negative;
  public long neutral;
  public long positive;
  public String mergedInto;

  public TopicUpdate() {}

  public static TopicUpdate of(TopicState t, int keywords, long updatedAt) {
    TopicUpdate u = new TopicUpdate();
    u.topicId = t.topicId;
    u.title = t.title;
    u.keywords = new ArrayList<>(t.topTerms(keywords));
    u.firstPostId = t.firstPostId;
    u.representativePostId = t.representativePostId;
    u.firstSeen = t.firstSeen;
    u.lastSeen = t.lastSeen;
    u.updatedAt = updatedAt;
    u.sites = new ArrayList<>(t.sites);
    u.regions = new ArrayList<>(t.regions);
    u.postCount = t.postCount;
    u.reprintCount = t.reprintCount;
    u.negative = t.negative;
    u.neutral = t.neutral;
    u.positive = t.positive;
    u.mergedInto = t.mergedInto;
    return u;
  }

  public double negativeShare() {
    long n = negative + neutral + positive;
    return n == 0 ? 0 : (double) negative / n;
  }
}
