package org.minsheng.analysis.topic;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link TopicStore} in plain maps; the post → topic links are an LRU of {@code maxPosts} entries. */
public final class InMemoryTopicStore implements TopicStore {
  private final Map<String, TopicState> topics = new HashMap<>();
  private final LinkedHashMap<String, String> postTopics;

  public InMemoryTopicStore(int maxPosts) {
    this.postTopics = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > maxPosts;
      }
    };
  }

  @Override
  public TopicState get(String topicId) {
    return topics.get(topicId);
  }

  @Override
  public void put(TopicState topic) {
    topics.put(topic.topicId, topic);
  }

  @Override
  public void remove(String topicId) {
    topics.remove(topicId);
  }

  @Override
  public Iterable<TopicState> all() {
    return topics.values();
  }

  @Override
  public String topicOfPost(String postId) {
    return postTopics.get(postId);
  }

  @Override
  public void rememberPost(String postId, String topicId, long eventTime) {
    postTopics.put(postId, topicId);
  }

  public int topicCount() {
    return topics.size();
  }

  public int postLinkCount() {
    return postTopics.size();
  }
}
