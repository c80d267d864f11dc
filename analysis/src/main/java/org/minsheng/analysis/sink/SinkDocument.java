package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One document to index: target index, document id (so that replays overwrite instead of duplicating) and source.
 *
 * @param index concrete index name (not an alias with several indices)
 * @param id document id
 * @param source the JSON document
 */
public record SinkDocument(String index, String id, ObjectNode source) {
  public SinkDocument {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("document index is required");
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("document id is required (replays must overwrite, not duplicate)");
    }
    Objects.requireNonNull(source, "source");
  }
}
