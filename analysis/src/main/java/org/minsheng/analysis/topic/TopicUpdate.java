package org.minsheng.analysis.topic;

import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot of a topic: its whole {@code minsheng-topics} document. The clusterer fills its fields; heat, growth and
 * lifecycle are joined in from {@link org.minsheng.analysis.heat.TopicHeat} by {@link TopicDocumentJoin}, so each
 * document has one writer and can be indexed whole (idempotent on replay). A Flink POJO.
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
  /** From the heat stage, joined in by {@link TopicDocumentJoin}; null until the topic's first window closes. */
  public Double heat;
  public Double growth;
  public String lifecycle;

  public TopicUpdate() {}

  public TopicUpdate copy() {
    TopicUpdate u = new TopicUpdate();
    u.topicId = topicId;
    u.title = title;
    u.keywords = new ArrayList<>(keywords);
    u.firstPostId = firstPostId;
    u.representativePostId = representativePostId;
    u.firstSeen = firstSeen;
    u.lastSeen = lastSeen;
    u.updatedAt = updatedAt;
    u.sites = new ArrayList<>(sites);
    u.regions = new ArrayList<>(regions);
    u.postCount = postCount;
    u.reprintCount = reprintCount;
    u.negative = negative;
    u.neutral = neutral;
    u.positive = positive;
    u.mergedInto = mergedInto;
    u.heat = heat;
    u.growth = growth;
    u.lifecycle = lifecycle;
    return u;
  }

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
