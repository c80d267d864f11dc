package org.minsheng.analysis.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;

/**
 * {@link TopicStore} over Flink keyed MapState (the clustering operator has one key, so this is the operator's whole
 * topic table). Checkpointed with the job; the clusterer's in-memory index is rebuilt from it after a restore. Each
 * write stamps the topic with the next {@link TopicState#sequence}, and {@link #all()} lists topics in that order
 * (MapState's own order is a hash order), so the rebuild is the same whatever the state backend and breaks ties in
 * {@code lastSeen} the way the uninterrupted run met them.
 *
 * <p>Post → topic links are forgotten by event time: each link is also listed in a bucket of {@code bucketMs}, and
 * {@link #forgetLinks} drops whole buckets older than the cutoff (and the oldest ones beyond a maximum count). Flink's
 * state TTL is not used here on purpose: under a single key the whole link table is one state entry, and TTL's
 * incremental cleanup copies that entire map on every access — a cost that grew with the table and took a tenth of
 * the job's CPU in the 100,000-post benchmark (docs/BENCHMARKS.md).
 */
final class FlinkTopicStore implements TopicStore {
  private final MapState<String, TopicState> topics;
  private final MapState<String, String> postTopics;
  private final MapState<Long, List<String>> linkBuckets;
  private final long bucketMs;
  /** The last sequence stamped; -1 until read from the topics (after a restore, their highest). */
  private long sequence = -1;

  FlinkTopicStore(MapState<String, TopicState> topics, MapState<String, String> postTopics,
      MapState<Long, List<String>> linkBuckets, long bucketMs) {
    if (bucketMs <= 0) {
      throw new IllegalArgumentException("bucketMs must be positive: " + bucketMs);
    }
    this.topics = topics;
    this.postTopics = postTopics;
    this.linkBuckets = linkBuckets;
    this.bucketMs = bucketMs;
  }

  @Override
  public TopicState get(String topicId) {
    try {
      return topics.get(topicId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read topic " + topicId + " from state", e);
    }
  }

  @Override
  public void put(TopicState topic) {
    try {
      topic.sequence = nextSequence();
      topics.put(topic.topicId, topic);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write topic " + topic.topicId + " to state", e);
    }
  }

  @Override
  public void remove(String topicId) {
    try {
      topics.remove(topicId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remove topic " + topicId + " from state", e);
    }
  }

  @Override
  public Iterable<TopicState> all() {
    try {
      List<TopicState> out = new ArrayList<>();
      for (Map.Entry<String, TopicState> e : topics.entries()) {
        out.add(e.getValue());
      }
      out.sort(Comparator.comparingLong((TopicState t) -> t.sequence).thenComparing(t -> t.topicId));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot list topics in state", e);
    }
  }

  @Override
  public String topicOfPost(String postId) {
    try {
      return postTopics.get(postId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the topic of post " + postId, e);
    }
  }

  @Override
  public void rememberPost(String postId, String topicId, long eventTime) {
    try {
      if (postTopics.get(postId) == null) {
        long bucket = Math.floorDiv(eventTime, bucketMs);
        List<String> ids = linkBuckets.get(bucket);
        if (ids == null) {
          ids = new ArrayList<>();
        }
        ids.add(postId);
        linkBuckets.put(bucket, ids);
      }
      postTopics.put(postId, topicId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remember the topic of post " + postId, e);
    }
  }

  private long nextSequence() throws Exception {
    if (sequence < 0) {
      sequence = 0;
      for (TopicState t : topics.values()) {
        sequence = Math.max(sequence, t.sequence);
      }
    }
    return ++sequence;
  }

  /**
   * Forgets the links of posts whose event time lies before {@code cutoff} (whole buckets: a link may live up to one
   * bucket longer), then the oldest buckets while more than {@code maxLinks} links remain.
   *
   * @return the number of links forgotten
   */
  int forgetLinks(long cutoff, int maxLinks) {
    try {
      TreeMap<Long, Integer> sizes = new TreeMap<>();
      for (Map.Entry<Long, List<String>> e : linkBuckets.entries()) {
        sizes.put(e.getKey(), e.getValue().size());
      }
      long total = 0;
      for (int n : sizes.values()) {
        total += n;
      }
      int forgotten = 0;
      for (Map.Entry<Long, Integer> e : sizes.entrySet()) {
        boolean expired = (e.getKey() + 1) * bucketMs <= cutoff;
        if (!expired && total <= maxLinks) {
          break;
        }
        for (String id : linkBuckets.get(e.getKey())) {
          postTopics.remove(id);
        }
        linkBuckets.remove(e.getKey());
        total -= e.getValue();
        forgotten += e.getValue();
      }
      return forgotten;
    } catch (Exception e) {
      throw new IllegalStateException("cannot forget expired post links", e);
    }
  }

  /** Forgets every link (all topics are gone). */
  void clearLinks() {
    postTopics.clear();
    linkBuckets.clear();
  }
}
