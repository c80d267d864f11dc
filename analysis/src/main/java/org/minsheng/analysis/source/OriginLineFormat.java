package org.minsheng.analysis.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Flink's {@link TextLineInputFormat} (UTF-8) with each line tagged by its origin. Same records in the same order, so
 * the file source's checkpointed positions (offset + records to skip) mean what they meant.
 */
final class OriginLineFormat extends SimpleStreamFormat<RawLine> {
  private static final long serialVersionUID = 1L;

  private final TextLineInputFormat lines = new TextLineInputFormat(StandardCharsets.UTF_8.name());
  private final String origin;

  OriginLineFormat(String origin) {
    this.origin = origin;
  }

  @Override
  public StreamFormat.Reader<RawLine> createReader(Configuration config, FSDataInputStream stream) throws IOException {
    TextLineInputFormat.Reader reader = lines.createReader(config, stream);
    return new StreamFormat.Reader<>() {
      @Override
      public RawLine read() throws IOException {
        String line = reader.read();
        return line == null ? null : new RawLine(origin, line);
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }
}
