package org.minsheng.analysis.model;

import java.util.List;
import java.util.Map;
import org.minsheng.post.Post;

/**
 * A {@link Post} with everything the job adds to it, stage by stage. A Flink POJO (public fields, no-arg constructor)
 * so that it serialises without Kryo for its scalar fields. Stages fill their own fields; fields of stages that have
 * not run stay null / zero.
 */
public class AnalyzedPost {
  /** The record as ingest handed it over. */
  public Post post;

  // --- normalise / segment -------------------------------------------------------------------------------------
  /** Title and text, traditional → simplified, full-width → half-width, pinyin residue removed. */
  public String normalisedText;
  /** Segmented words (punctuation dropped), as stored in Elasticsearch for search and aggregation. */
  public List<String> tokens;
  /** Part-of-speech tag per token, parallel to {@link #tokens}. */
  public List<String> pos;

  // --- sentiment / emotion -------------------------------------------------------------------------------------
  /** negative | neutral | positive. */
  public String sentimentLabel;
  /** In [-1, 1]. */
  public double sentimentScore;
  /** Calibrated probability of {@link #sentimentLabel}. */
  public double sentimentConfidence;
  /** happy | angry | sad | fear | surprise | neutral, where an emotion model ran. */
  public String emotion;
  public Map<String, Double> emotionProbabilities;

  // --- dedup / spam --------------------------------------------------------------------------------------------
  /** 64-bit SimHash of the normalised text. */
  public long simhash;
  /** Id of the earliest copy when this post is a reprint (exact or near duplicate), else null. */
  public String duplicateOf;
  /** exact | near, with {@link #duplicateOf}. */
  public String duplicateKind;
  /** Content-farm / spam score in [0, 1]. */
  public double spamScore;
  public boolean spam;

  // --- entities / keywords / topic -----------------------------------------------------------------------------
  public List<String> keywords;
  public List<String> persons;
  public List<String> places;
  public List<String> organisations;
  public String topicId;

  public AnalyzedPost() {}

  public AnalyzedPost(Post post) {
    this.post = post;
  }

  public String id() {
    return post.id();
  }
}
