package org.minsheng.analysis.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;

/**
 * Alert → {@code minsheng-alerts} document for the Elasticsearch sink. A new alert is written create-only, so a
 * window replayed after a restart cannot reset an alert that was acknowledged or delivered meanwhile; an escalation
 * replaces the document (see {@link AlertDocuments#createOnly(Alert)}).
 */
public final class AlertDocumentConverter implements DocumentConverter<Alert> {
  private static final long serialVersionUID = 1L;

  private final String index;
  private final List<String> channels;
  private transient ObjectMapper json;

  /**
   * @param index the alerts index
   * @param channels delivery channels that get a pending delivery in each new alert (the notifier's outbox)
   */
  public AlertDocumentConverter(String index, List<String> channels) {
    this.index = Objects.requireNonNull(index, "index");
    this.channels = List.copyOf(channels);
  }

  @Override
  public SinkDocument convert(Alert alert) {
    if (json == null) {
      json = new ObjectMapper();
    }
    ObjectNode source = json.valueToTree(AlertDocuments.toDocument(alert, channels));
    return new SinkDocument(index, alert.alertId, source,
        AlertDocuments.createOnly(alert) ? SinkDocument.WriteMode.CREATE : SinkDocument.WriteMode.REPLACE);
  }
}
