package org.minsheng.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends one JSON line per event to a file (if configured) and to the {@code minsheng.audit} slf4j logger. */
public final class FileAuditLog implements AuditLog {
  private static final Logger AUDIT = LoggerFactory.getLogger("minsheng.audit");
  private final Path file;
  private final ObjectMapper json;

  /** @param file the log file, or null for the logger only */
  public FileAuditLog(Path file, ObjectMapper json) {
    this.file = file;
    this.json = json;
  }

  @Override
  public synchronized void record(Event event) {
    String line;
    try {
      line = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise audit event " + event, e);
    }
    AUDIT.info(line);
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to audit log " + file, e);
    }
  }
}
