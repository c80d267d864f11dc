package org.minsheng.analysis.source;

import java.io.Serializable;
import org.apache.flink.api.connector.source.Source;

/**
 * The analysis side of the ingest → analysis hand-off ({@code org.minsheng.handoff.PostHandOff} is the ingest side):
 * a Flink {@link Source} of raw NDJSON lines, one serialised {@code Post} per line, not yet parsed. Parsing happens in
 * the job so that bad lines become dead letters with a reason instead of failing the source.
 *
 * <p>Implementations: {@link SpoolDirectorySource} (spool directory of NDJSON files), {@link KafkaPostsSource} (a Kafka topic).
 */
public interface PostsSource extends Serializable {

  /** A new Flink source of raw lines, each with its origin. */
  Source<RawLine, ?, ?> rawLines();

  /** Short name of where the lines come from, recorded in dead letters, e.g. {@code spool:/var/spool/minsheng}. */
  String description();
}
