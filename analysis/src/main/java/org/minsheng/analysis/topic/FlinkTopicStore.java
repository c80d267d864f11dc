package org.minsheng.analysis.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * {@link TopicStore} over Flink keyed MapState (the clustering operator has one key, so this is the operator's whole
 * topic table). Checkpointed with the job; the clusterer's in-memory index is rebuilt from it after a restore.
 */
final class FlinkTopicStore implements TopicStore {
  private final MapState<String, TopicState> topics;
  private final MapState<String, String> postTopics;

  FlinkTopicStore(MapState<String, TopicState> topics, MapState<String, String> postTopics) {
    this.topics = topics;
    this.postTopics = postTopics;
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
      postTopics.put(postId, topicId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remember the topic of post " + postId, e);
    }
  }
}
