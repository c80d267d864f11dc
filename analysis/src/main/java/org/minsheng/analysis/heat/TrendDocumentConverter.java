package org.minsheng.analysis.heat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;

/** {@link TrendRollup} → {@code minsheng-trends} document, id = {@code <kind>:<key>:<windowStart>}. */
public final class TrendDocumentConverter implements DocumentConverter<TrendRollup> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public SinkDocument convert(TrendRollup r) {
    if (r.kind == null || r.key == null) {
      throw new IllegalArgumentException("trend roll-up without kind or key");
    }
    ObjectNode source = JSON.valueToTree(TrendDocuments.toDocument(r));
    return new SinkDocument(TrendDocuments.INDEX, TrendDocuments.id(r), source);
  }
}
