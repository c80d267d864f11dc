package org.minsheng.analysis.topic;

import java.util.List;
import java.util.Map;

/**
 * What the clusterer needs of a post.
 *
 * @param postId id
 * @param parentId the post it reposts or replies to, or null
 * @param duplicateOf the earliest copy when the post is a reprint, or null
 * @param eventTime publication time, epoch ms
 * @param vector normalised TF-IDF term vector
 * @param title title or first words, used as topic title when this post represents the topic
 * @param site site, may be null
 * @param region region, may be null
 * @param sentiment negative | neutral | positive, may be null
 * @param weight interactions + reach, used to pick the representative post
 * @param mass L2 norm of the TF-IDF vector before normalisation (content evidence)
 */
public record ClusterPost(String postId, String parentId, String duplicateOf, long eventTime,
    Map<String, Double> vector, String title, String site, String region, String sentiment, double weight, double mass) {

  public static ClusterPost textOnly(String postId, long eventTime, Map<String, Double> vector, String title) {
    return new ClusterPost(postId, null, null, eventTime, vector, title, null, null, null, 0, 10);
  }

  /** Unused helper kept small: the top terms of the post's vector. */
  public List<String> topTerms(int k) {
    return org.minsheng.analysis.keywords.KeywordExtractor.top(vector, k);
  }
}
