package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {
  /** Records what is registered under which name. */
  static final class RecordingGroup extends UnregisteredMetricsGroup {
    final Map<String, Object> metrics = new LinkedHashMap<>();

    @Override
    public <C extends Counter> C counter(String name, C counter) {
      metrics.put(name, counter);
      return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
      metrics.put(name, gauge);
      return gauge;
    }
  }

  @Test
  void registersEveryMetricUnderItsDocumentedName() {
    RecordingGroup group = new RecordingGroup();
    SinkMetrics m = new SinkMetrics(group);
    assertThat(group.metrics.keySet()).containsExactly("recordsSent", "bulkRequests", "retries", "deadLetters",
        "deadLettersFailed", "pendingRecords", "lastBulkLatencyMs");

    m.recordsSent.inc(3);
    m.pendingRecords(7);
    m.lastBulkLatencyMs(42);
    assertThat(((Counter) group.metrics.get("recordsSent")).getCount()).isEqualTo(3);
    assertThat(((Gauge<?>) group.metrics.get("pendingRecords")).getValue()).isEqualTo(7L);
    assertThat(((Gauge<?>) group.metrics.get("lastBulkLatencyMs")).getValue()).isEqualTo(42L);
  }
}
