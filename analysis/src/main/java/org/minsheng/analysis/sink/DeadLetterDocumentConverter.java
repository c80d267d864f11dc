package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.minsheng.analysis.model.DeadLetter;

/**
 * {@link DeadLetter} → dead-letter document ({@code reason}, {@code stage}, {@code raw}, {@code source},
 * {@code occurredAt}). The id is the SHA-1 of the raw input and the stage, so the same bad record rejected again on a
 * replay overwrites its dead letter instead of adding one. {@code raw} is cut at {@value #MAX_RAW_CHARS} characters
 * (the id is computed on the whole input).
 */
public final class DeadLetterDocumentConverter implements DocumentConverter<DeadLetter> {
  private static final long serialVersionUID = 1L;
  /** 32 Ki characters of raw input are kept. */
  public static final int MAX_RAW_CHARS = 32 * 1024;

  private final String index;

  /** Writes into {@code index}, e.g. {@code minsheng-deadletters}. */
  public DeadLetterDocumentConverter(String index) {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("dead-letter index is required");
    }
    this.index = index;
  }

  @Override
  public SinkDocument convert(DeadLetter letter) {
    Objects.requireNonNull(letter, "dead letter");
    String raw = letter.raw() == null ? "" : letter.raw();
    String stage = letter.stage() == null ? "unknown" : letter.stage();
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("reason", letter.reason() == null ? "(no reason given)" : letter.reason());
    d.put("stage", stage);
    d.put("raw", raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw);
    if (letter.source() != null) {
      d.put("source", letter.source());
    }
    if (letter.occurredAt() != null) {
      d.put("occurredAt", letter.occurredAt().toString());
    }
    return new SinkDocument(index, id(raw, stage), d);
  }

  /** SHA-1 (hex) of the raw input, a NUL separator and the stage. */
  static String id(String raw, String stage) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(raw.getBytes(StandardCharsets.UTF_8));
      sha1.update((byte) 0);
      sha1.update(stage.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
