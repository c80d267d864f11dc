package org.minsheng.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Topics ({@code minsheng-topics}) and the posts belonging to them. */
public interface TopicQuery {
  /** Ranked by {@code heat}, highest first. */
  List<ObjectNode> hot(HotTopicFilter filter) throws IOException;

  Optional<TopicDetail> detail(String topicId) throws IOException;
}
