package org.minsheng.analysis.textfeatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads labelled text files: CSV with a header (RFC 4180, Commons CSV) and JSON Lines. Rows without a usable text or
 * label are logged with their line number and skipped; the count is returned to the caller through {@link Rows}.
 */
public final class CorpusFiles {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusFiles() {}

  /** A raw (text, label) row with its 1-based line number. */
  public record Row(String text, String label, long line) {}

  /** The rows of a file and how many were malformed. */
  public record Rows(List<Row> rows, int malformed) {}

  /** Picks the first header name (case-insensitive) present in {@code header}, or null. */
  public static String pick(Map<String, Integer> header, List<String> candidates) {
    for (String c : candidates) {
      for (String h : header.keySet()) {
        if (h.strip().toLowerCase(Locale.ROOT).equals(c)) {
          return h;
        }
      }
    }
    return null;
  }

  public static CSVParser csv(Reader reader) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get()
        .parse(reader);
  }

  /** Reads a whole CSV file with the given label and text column candidates. */
  public static Rows readCsv(Path file, List<String> labelColumns, List<String> textColumns) throws IOException {
    List<Row> rows = new ArrayList<>();
    int malformed = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = csv(r)) {
      String label = pick(p.getHeaderMap(), labelColumns);
      String text = pick(p.getHeaderMap(), textColumns);
      if (label == null || text == null) {
        throw new IOException(file + ": header " + p.getHeaderNames() + " lacks a label column " + labelColumns
            + " or a text column " + textColumns);
      }
      for (CSVRecord rec : p) {
        if (!rec.isSet(label) || !rec.isSet(text) || rec.get(text).isBlank() || rec.get(label).isBlank()) {
          LOG.warn("{} line {}: missing label or text: skipped", file, rec.getParser().getCurrentLineNumber());
          malformed++;
          continue;
        }
        rows.add(new Row(rec.get(text), rec.get(label).strip(), rec.getParser().getCurrentLineNumber()));
      }
    }
    return new Rows(rows, malformed);
  }

  /** Streams a JSON Lines file, calling {@code sink} for good rows and {@code bad} with (line, reason) for others. */
  public static void streamJsonl(Path file, String textField, String labelField, Consumer<Row> sink,
      BiConsumer<Long, String> bad) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          bad.accept(number, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
          continue;
        }
        JsonNode text = node == null ? null : node.get(textField);
        JsonNode label = node == null ? null : node.get(labelField);
        if (text == null || !text.isTextual() || text.asText().isBlank() || label == null || label.isNull()
            || label.asText().isBlank()) {
          bad.accept(number, "missing '" + textField + "' or '" + labelField + "'");
          continue;
        }
        sink.accept(new Row(text.asText(), label.asText().strip(), number));
      }
    }
  }

  /** Reads a whole JSON Lines file. */
  public static Rows readJsonl(Path file, String textField, String labelField) throws IOException {
    List<Row> rows = new ArrayList<>();
    int[] malformed = {0};
    streamJsonl(file, textField, labelField, rows::add, (line, reason) -> {
      LOG.warn("{} line {}: {}: skipped", file, line, reason);
      malformed[0]++;
    });
    return new Rows(rows, malformed[0]);
  }

  /**
   * The rows of {@link #readCsv}, or none when the file is missing (logged): training corpora are assembled from
   * whatever the data folder holds.
   */
  public static List<Row> readCsvIfPresent(Path file, List<String> labelColumns, List<String> textColumns)
      throws IOException {
    if (!Files.exists(file)) {
      LOG.warn("{} not found: skipped", file);
      return List.of();
    }
    return readCsv(file, labelColumns, textColumns).rows();
  }

  /** The rows of {@link #readJsonl}, or none when the file is missing (logged). */
  public static List<Row> readJsonlIfPresent(Path file, String textField, String labelField) throws IOException {
    if (!Files.exists(file)) {
      LOG.warn("{} not found: skipped", file);
      return List.of();
    }
    return readJsonl(file, textField, labelField).rows();
  }
}
