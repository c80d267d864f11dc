package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One document to index: target index, document id (so that replays overwrite instead of duplicating) and source.
 *
 * @param index concrete index name (not an alias with several indices)
 * @param id document id
 * @param source the JSON document
 * @param mode how the document meets an existing one with the same id
 */
public record SinkDocument(String index, String id, ObjectNode source, WriteMode mode) {

  /** How a document is written. Every mode is idempotent: writing the same document again changes nothing. */
  public enum WriteMode {
    /** {@code index}: replaces any existing document with this id (the usual case). */
    REPLACE,
    /**
     * {@code create}: an existing document with this id is kept as it is (a 409 conflict counts as written). For
     * records a replay must not reset, e.g. an alert acknowledged meanwhile.
     */
    CREATE,
    /**
     * {@code update} with {@code doc_as_upsert}: the fields given are merged into the existing document, which is
     * created if absent. For documents assembled by several stages in any order, e.g. a post's text-stage fields and
     * the fields its topic stages add later.
     */
    MERGE,
    /**
     * {@code create}, and where the document already exists (409) the same fields merged into it as {@link #MERGE}
     * does: the same result as {@code MERGE}, but the usual case, a document written for the first time, is a plain
     * create, which spares Elasticsearch the update's read of the (absent) document and the re-serialisation of the
     * fields. For the first of several writes that assemble a document, e.g. a post's text-stage fields.
     */
    CREATE_OR_MERGE
  }

  /** A document that replaces any existing one with the same id (the usual, idempotent case). */
  public SinkDocument(String index, String id, ObjectNode source) {
    this(index, id, source, WriteMode.REPLACE);
  }

  public SinkDocument {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("document index is required");
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("document id is required (replays must overwrite, not duplicate)");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
  }
}
