package org.minsheng.analysis.topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;

/** {@link TopicUpdate} → whole {@code minsheng-topics} document, id = topicId ({@link TopicDocuments}). */
public final class TopicDocumentConverter implements DocumentConverter<TopicUpdate> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String index;

  /** @param index the concrete index, e.g. {@code IndexNames.topics()} */
  public TopicDocumentConverter(String index) {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("index name is required");
    }
    this.index = index;
  }

  /** Into the default index name ({@link TopicDocuments#INDEX}). */
  public TopicDocumentConverter() {
    this(TopicDocuments.INDEX);
  }

  @Override
  public SinkDocument convert(TopicUpdate u) {
    if (u.topicId == null) {
      throw new IllegalArgumentException("topic update without topicId");
    }
    ObjectNode source = JSON.valueToTree(TopicDocuments.toDocument(u));
    return new SinkDocument(index, TopicDocuments.id(u), source);
  }
}
