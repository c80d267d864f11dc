package org.minsheng.analysis.topic;

import java.io.Serializable;

/**
 * Knobs of the streaming clusterer; the job's defaults are in {@code minsheng-analysis.yaml} under
 * {@code topics.cluster}, tuned on the tuning splits of the CED Weibo events and their overlapped copy (docs/TOPICS.md).
 *
 * @param joinThreshold minimum combined score to join an existing topic instead of opening a new one
 * @param textWeight weight of the cosine similarity (post vector · topic centroid)
 * @param timeWeight weight of the time prior: the topic's share of recent activity
 * @param similarityTauMinutes e-folding time of the text similarity since the topic's last post
 * @param activityTauMinutes e-folding time of a topic's activity (self-exciting intensity)
 * @param newTopicIntensity pseudo-activity of "a new topic starts now" in the time prior's denominator
 * @param centroidTauMinutes e-folding time of old terms in a topic's centroid
 * @param mergeThreshold centroid cosine above which two live topics are merged
 * @param maxCentroidTerms terms kept per topic centroid
 * @param indexTermsPerTopic heaviest centroid terms entered into the inverted index
 * @param recentTopics most recently active topics always scored (time prior candidates)
 * @param maxCandidates topics scored per post at most (by index hits)
 * @param maxPostingsPerTerm topics kept per index term (most recent), bounding very common terms
 * @param topicTtlMinutes a topic without posts for this long is evicted
 * @param maxLiveTopics at most this many live topics; the least recently active is evicted beyond
 * @param maxPostLinks post → topic links kept for replies, reposts and reprints
 * @param maxSites sites and regions kept per topic
 * @param dfMaxTerms vocabulary of the streaming document frequencies
 * @param dfHalfLifeDocs half-life of document frequencies, in documents
 * @param entityBoost term frequency multiplier of people, places, organisations
 * @param textVeto how far a topic's time prior is withdrawn when another topic matches the post's words clearly
 *     better (by 0.3 cosine, scaled by the post's content evidence); 0 = never, 1 = fully. Without it, the busiest
 *     thread of a quiet hour would swallow a post plainly about another live story
 * @param quietTauMinutes e-folding time of a topic's time prior over the quiet gap since its last post (a thread
 *     that fell silent stops attracting reactions however active it was)
 * @param busyRate posts per activity time constant at which the stream counts as half busy; on a busy stream a
 *     content-rich post that matches no topic's words is taken as a new event rather than a reaction to the most active
 *     thread (its time prior is withdrawn in proportion {@code rate / (rate + busyRate)})
 * @param evidenceMass content mass at which a post counts as ~63% evidence: {@code 1 - exp(-mass / evidenceMass)}
 */
public record ClusterSettings(
    double joinThreshold,
    double textWeight,
    double timeWeight,
    double similarityTauMinutes,
    double activityTauMinutes,
    double newTopicIntensity,
    double centroidTauMinutes,
    double mergeThreshold,
    int maxCentroidTerms,
    int indexTermsPerTopic,
    int recentTopics,
    int maxCandidates,
    int maxPostingsPerTerm,
    double topicTtlMinutes,
    int maxLiveTopics,
    int maxPostLinks,
    int maxSites,
    int dfMaxTerms,
    double dfHalfLifeDocs,
    double entityBoost,
    double evidenceMass,
    double textVeto,
    double quietTauMinutes,
    double busyRate) implements Serializable {

  /**
   * Plain built-in values for unit tests of the clusterer's mechanics (no busy-stream rule, lighter time prior). The
   * job's tuned defaults are in {@code minsheng-analysis.yaml}: {@code TopicSettings.fromDefaultsFile().cluster()}.
   */
  public static ClusterSettings defaults() {
    return new ClusterSettings(0.30, 1.0, 0.6, 360, 10, 0.6, 720, 0.75, 64, 16, 8, 64, 256, 2880, 20000, 200000,
        32, 200000, 50000, 2.0, 4.0, 0.0, 1e9, 1e9);
  }

  public ClusterSettings withMerge(double merge) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, similarityTauMinutes, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, merge, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, evidenceMass, textVeto, quietTauMinutes, busyRate);
  }

  public ClusterSettings withSimilarityTau(double tau) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, tau, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, evidenceMass, textVeto, quietTauMinutes, busyRate);
  }

  public ClusterSettings withBusyRate(double rate) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, similarityTauMinutes, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, evidenceMass, textVeto, quietTauMinutes, rate);
  }

  public ClusterSettings withQuietTau(double quiet) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, similarityTauMinutes, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, evidenceMass, textVeto, quiet, busyRate);
  }

  public ClusterSettings withVeto(double veto) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, similarityTauMinutes, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, evidenceMass, veto, quietTauMinutes, busyRate);
  }

  public ClusterSettings withEvidence(double mass) {
    return new ClusterSettings(joinThreshold, textWeight, timeWeight, similarityTauMinutes, activityTauMinutes,
        newTopicIntensity, centroidTauMinutes, mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics,
        maxCandidates, maxPostingsPerTerm, topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms,
        dfHalfLifeDocs, entityBoost, mass, textVeto, quietTauMinutes, busyRate);
  }

  public ClusterSettings withJoin(double join, double text, double time, double actTau, double newIntensity) {
    return new ClusterSettings(join, text, time, similarityTauMinutes, actTau, newIntensity, centroidTauMinutes,
        mergeThreshold, maxCentroidTerms, indexTermsPerTopic, recentTopics, maxCandidates, maxPostingsPerTerm,
        topicTtlMinutes, maxLiveTopics, maxPostLinks, maxSites, dfMaxTerms, dfHalfLifeDocs, entityBoost, evidenceMass, textVeto, quietTauMinutes, busyRate);
  }
}
