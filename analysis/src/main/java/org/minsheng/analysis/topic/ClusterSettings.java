package org.minsheng.analysis.topic;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;

/**
 * Knobs of the streaming clusterer; the job's defaults are in {@code minsheng-analysis.yaml} under
 * {@code topics.cluster}, tuned on the tuning split of the CED Weibo events, its time-overlapped copy and the demo
 * stories (docs/TOPICS.md).
 *
 * <p>A post joins the live topic with the highest score if that score reaches 1:
 * {@code evidence · cos(post, centroid) · exp(-Δt / similarityTau) / joinThreshold + gate · quiet · share / priorShare}.
 * The words alone carry a post whose decayed cosine reaches {@code joinThreshold}; the time prior alone carries a post
 * only when one topic holds {@code priorShare} of all recent activity (a quiet hour with one running thread).
 *
 * @param joinThreshold cosine (post vector · topic centroid, time-decayed, times evidence) at which the words alone
 *     join a post to a topic
 * @param priorShare share of recent activity at which a topic's time prior alone carries a post to it
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
 * @param evidenceMass content mass at which a post counts as ~63% evidence: {@code 1 - exp(-mass / evidenceMass)}
 * @param vetoMass a post with at least this content mass (TF-IDF norm before normalisation) that shares no term with a
 *     topic's centroid cannot join it on the time prior: a content-rich post about something else is a new event, not
 *     a reaction (on CED, first posts of threads have a median mass of 42, later posts 11)
 * @param quietTauMinutes e-folding time of a topic's time prior over the quiet gap since its last post (a thread
 *     that fell silent stops attracting reactions however active it was)
 * @param reactionWeight weight in the centroid and the activity of a post carried by the time prior rather than by
 *     its words (0..1): reactions must not turn a topic into a catch-all that attracts everything
 * @param vetoTerms a post whose content outside a topic's centroid adds up to at least this many rare terms (the
 *     post's TF-IDF weights on terms the centroid lacks, summed, in units of the rarest term's IDF) cannot join that
 *     topic on the time prior: its own words say it is about something else, however active the topic is. Unlike
 *     {@code vetoMass} it also applies when the post shares a few common words with the topic; only in a busy stream
 * @param busyActivity total activity (≈ posts within {@code activityTauMinutes}) from which the stream counts as busy
 *     and {@code vetoTerms} applies: when dozens of posts arrive a minute new events start all the time, and one topic
 *     holding most of the activity no longer says that a post with words of its own is a reaction to it
 */
public record ClusterSettings(
    double joinThreshold,
    double priorShare,
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
    double vetoMass,
    double quietTauMinutes,
    double reactionWeight,
    double vetoTerms,
    double busyActivity,
    double busyMinText) implements Serializable {

  /**
   * Plain built-in values for unit tests of the clusterer's mechanics (words decide; the time prior only for a topic
   * holding 60% of the activity). The job's tuned defaults are in {@code minsheng-analysis.yaml}:
   * {@code TopicSettings.fromDefaultsFile().cluster()}.
   */
  public static ClusterSettings defaults() {
    return new ClusterSettings(0.25, 0.6, 360, 10, 0.6, 720, 0.75, 64, 16, 8, 64, 256, 2880, 20000, 200000,
        32, 200000, 50000, 2.0, 1.0, 25, 30, 0.3, 4, 300, 0.3);
  }

  /**
   * A copy with one setting changed, by its name (a record component: {@code "joinThreshold"}, {@code "maxLiveTopics"},
   * ...); integer settings take the value rounded.
   */
  public ClusterSettings with(String name, double value) {
    RecordComponent[] components = ClusterSettings.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        if (c.getName().equals(name)) {
          args[i] = c.getType() == int.class ? (Object) (int) Math.round(value) : (Object) value;
          found = true;
        } else {
          args[i] = c.getAccessor().invoke(this);
        }
      }
      if (!found) {
        throw new IllegalArgumentException("no cluster setting named '" + name + "'");
      }
      return ClusterSettings.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy cluster settings", e);
    }
  }
}
