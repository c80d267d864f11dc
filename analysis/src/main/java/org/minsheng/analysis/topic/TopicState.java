package org.minsheng.analysis.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * One live topic as the clusterer keeps it. A Flink POJO (public fields, no-arg constructor). Every collection is
 * bounded by {@link ClusterSettings}: centroid terms, sites, regions.
 */
public class TopicState {
  public String topicId;
  public String firstPostId;
  public String representativePostId;
  public String title;
  public long firstSeen;
  public long lastSeen;
  /** Original posts (reprints are counted in {@link #reprintCount} only, so a reprint never doubles the volume). */
  public long postCount;
  public long reprintCount;
  /** Time-decayed TF-IDF term weights, the heaviest {@code maxCentroidTerms} kept. */
  public HashMap<String, Double> centroid = new HashMap<>();
  /** Self-exciting intensity: +1 per post, decaying with the clusterer's activity half-life, as of {@link #activityAt}. */
  public double activity;
  public long activityAt;
  /** Interaction weight of the representative post, to replace it by a more widely read one. */
  public double representativeWeight = -1;
  public ArrayList<String> sites = new ArrayList<>();
  public ArrayList<String> regions = new ArrayList<>();
  public long negative;
  public long neutral;
  public long positive;
  /** Set when this topic was merged into another: the id of the survivor. */
  public String mergedInto;
  /**
   * Order of the topic's last write to the store (stamped by {@link FlinkTopicStore}): the store lists topics in this
   * order, so that the clusterer's index, rebuilt after a restore, orders topics last active at the same instant as
   * the uninterrupted run did. Added after the first release: a checkpoint without it restores it as 0.
   */
  public long sequence;

  public TopicState() {}

  public double decayedActivity(long at, double activityTauMs) {
    long dt = Math.max(0, at - activityAt);
    return activity * Math.exp(-dt / activityTauMs);
  }

  public List<String> topTerms(int k) {
    return org.minsheng.analysis.keywords.KeywordExtractor.top(centroid, k);
  }
}
