package org.minsheng.analysis.topic.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.minsheng.analysis.nlp.Segmenter;
import org.minsheng.analysis.nlp.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an event-labelled JSONL file ({@code event_id}, {@code text}, {@code time} as Unix seconds or
 * {@code YYYY-MM-DD HH:MM:SS} Beijing time), segments each text and returns the posts in time order (file order among
 * equal times). Lines that cannot be used are counted and logged with their reason, never dropped silently.
 */
public final class EventFileReader {
  private static final Logger LOG = LoggerFactory.getLogger(EventFileReader.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private final ObjectMapper json = new ObjectMapper();
  private final Segmenter segmenter;
  private int rejected;

  public EventFileReader(Segmenter segmenter) {
    this.segmenter = segmenter;
  }

  /** Lines rejected by the last {@link #read} call. */
  public int rejected() {
    return rejected;
  }

  public List<EventPost> read(Path file, EventSplit split) throws IOException {
    rejected = 0;
    List<EventPost> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode o = json.readTree(line);
          String event = text(o, "event_id");
          String text = text(o, "text");
          long time = time(o.get("time"));
          if (!split.includes(event)) {
            continue;
          }
          List<String> tokens = new ArrayList<>();
          List<String> pos = new ArrayList<>();
          for (Token t : segmenter.segment(text)) {
            tokens.add(t.word());
            pos.add(t.pos());
          }
          out.add(new EventPost(n, event, time, text, tokens, pos));
        } catch (IOException | IllegalArgumentException e) {
          rejected++;
          LOG.warn("{} line {} rejected: {}", file, n, e.getMessage());
        }
      }
    }
    out.sort(Comparator.comparingLong(EventPost::time).thenComparingInt(EventPost::line));
    return out;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v.asText();
  }

  static long time(JsonNode v) {
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field 'time'");
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    String s = v.asText().strip();
    if (s.matches("\\d+")) {
      return Long.parseLong(s);
    }
    try {
      return LocalDateTime.parse(s, TIME).toEpochSecond(BEIJING);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time '" + s + "' is neither Unix seconds nor YYYY-MM-DD HH:MM:SS");
    }
  }
}
