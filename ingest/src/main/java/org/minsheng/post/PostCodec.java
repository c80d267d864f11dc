package org.minsheng.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@link Post}s as one-line JSON (NDJSON). Not thread-safe to reconfigure, cheap to create: make one
 * per operator or thread.
 *
 * <p>{@link #decode(String)} turns a line into a valid Post or throws {@link InvalidPostException} whose message says
 * exactly what is wrong (JSON syntax with its position, wrong types, missing or invalid fields).
 */
public final class PostCodec {
  private final ObjectMapper mapper;
  private final PostValidator validator;

  public PostCodec() {
    this(new PostValidator());
  }

  public PostCodec(PostValidator validator) {
    this.validator = validator;
    this.mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** Parses and validates one NDJSON line. */
  public Post decode(String line) throws InvalidPostException {
    if (line == null || line.isBlank()) {
      throw new InvalidPostException("empty line");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidPostException("malformed JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidPostException("not a JSON object");
    }
    if (!tree.has("v")) {
      throw new InvalidPostException("missing schema version field \"v\"");
    }
    Post post;
    try {
      post = mapper.treeToValue(tree, Post.class);
    } catch (JsonProcessingException e) {
      throw new InvalidPostException("wrong field type: " + e.getOriginalMessage(), e);
    }
    return validator.validate(post);
  }

  /** Writes one post as a single JSON line (no trailing newline). */
  public String encode(Post post) {
    try {
      return mapper.writeValueAsString(post);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise post " + post.id(), e);
    }
  }

  /** The configured mapper, for callers that serialise related shapes the same way. */
  public ObjectMapper mapper() {
    return mapper;
  }
}
