package org.minsheng.analysis.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A test {@link Sink} that appends each record as one JSON line to {@code <directory>/<prefix>-<subtask>-<attempt>.ndjson},
 * flushing on every checkpoint and at end of input, so a test can read what the job wrote without
 * {@code executeAndCollect}.
 */
final class NdjsonFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String prefix;

  NdjsonFileSink(Path directory, String prefix) {
    this.directory = directory.toString();
    this.prefix = prefix;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    Path dir = Path.of(directory);
    Files.createDirectories(dir);
    Path file = dir.resolve(prefix + "-" + context.getTaskInfo().getIndexOfThisSubtask() + "-"
        + context.getTaskInfo().getAttemptNumber() + ".ndjson");
    return new Writer<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND));
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final BufferedWriter out;

    Writer(BufferedWriter out) {
      this.out = out;
    }

    @Override
    public void write(T element, Context context) throws IOException {
      out.write(mapper.writeValueAsString(element));
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
