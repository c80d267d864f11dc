package org.minsheng.analysis.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.minsheng.analysis.sink.DocumentConverter;
import org.minsheng.analysis.sink.SinkDocument;

/**
 * Alert → {@code minsheng-alerts} write for the Elasticsearch sink. A new alert is written create-only, so a window
 * replayed after a restart cannot reset an alert that was acknowledged or delivered meanwhile; an escalation is a
 * partial update (merge) of the job's fields that keeps the lifecycle history the API recorded (see
 * {@link AlertDocuments}).
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
    if (AlertDocuments.createOnly(alert)) {
      return new SinkDocument(index, alert.alertId, json.valueToTree(AlertDocuments.toDocument(alert, channels)),
          SinkDocument.WriteMode.CREATE);
    }
    ObjectNode partial = json.valueToTree(AlertDocuments.escalationMerge(alert, channels));
    return new SinkDocument(index, alert.alertId, partial, SinkDocument.WriteMode.MERGE);
  }
}
