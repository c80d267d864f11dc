package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One document to index: target index, document id (so that replays overwrite instead of duplicating) and source.
 *
 * @param index concrete index name (not an alias with several indices)
 * @param id document id
 * @param source the JSON document
 * @param createOnly write with {@code op_type=create}: an existing document with this id is kept as it is (a 409
 *     conflict counts as written). For records that a replay must not reset, e.g. an alert acknowledged meanwhile.
 */
public record SinkDocument(String index, String id, ObjectNode source, boolean createOnly) {
  /** A document that replaces any existing one with the same id (the usual, idempotent case). */
  public SinkDocument(String index, String id, ObjectNode source) {
    this(index, id, source, false);
  }

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
