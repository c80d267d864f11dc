package org.minsheng.analysis.heat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;

/** {@link TrendRollup} → {@code minsheng-trends} document, id = {@code <kind>:<key>:<windowStart>}. */
public final class TrendDocumentConverter implements DocumentConverter<TrendRollup> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String index;

  /** @param index the concrete index, e.g. {@code IndexNames.trends()} */
  public TrendDocumentConverter(String index) {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("index name is required");
    }
    this.index = index;
  }

  /** Into the default index name ({@link TrendDocuments#INDEX}). */
  public TrendDocumentConverter() {
    this(TrendDocuments.INDEX);
  }

  @Override
  public SinkDocument convert(TrendRollup r) {
    if (r.kind == null || r.key == null) {
      throw new IllegalArgumentException("trend roll-up without kind or key");
    }
    ObjectNode source = JSON.valueToTree(TrendDocuments.toDocument(r));
    return new SinkDocument(index, TrendDocuments.id(r), source);
  }
}
