package org.minsheng.analysis.topic;

/**
 * Where the clusterer keeps live topics and the post → topic links used for replies, reposts and reprints. In memory
 * for evaluation and benchmarks ({@link InMemoryTopicStore}); Flink keyed MapState in the job.
 */
public interface TopicStore {

  TopicState get(String topicId);

  void put(TopicState topic);

  void remove(String topicId);

  /** Every stored topic, for rebuilding the in-memory index after a restore. */
  Iterable<TopicState> all();

  /** The topic a post joined, or null when unknown or expired. */
  String topicOfPost(String postId);

  void rememberPost(String postId, String topicId, long eventTime);
}
