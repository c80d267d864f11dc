package org.minsheng.analysis.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;
import org.minsheng.es.PostIndexNaming;

/**
 * Reprint count and sites of an original → merged into the original's post document ({@code reprintCount},
 * {@code reprintSites}). Counts are cumulative, so a later update supersedes an earlier one and replays are harmless.
 */
public final class ReprintDocumentConverter implements DocumentConverter<ReprintUpdate> {
  private static final long serialVersionUID = 1L;

  private final PostIndexNaming naming;
  private transient ObjectMapper json;

  public ReprintDocumentConverter(PostIndexNaming naming) {
    this.naming = Objects.requireNonNull(naming, "naming");
  }

  @Override
  public SinkDocument convert(ReprintUpdate update) {
    if (json == null) {
      json = new ObjectMapper();
    }
    ObjectNode partial = json.valueToTree(ReprintDocuments.toPartialDocument(update));
    return new SinkDocument(naming.indexFor(Instant.ofEpochMilli(update.originalTime)), ReprintDocuments.id(update),
        partial, SinkDocument.WriteMode.MERGE);
  }
}
