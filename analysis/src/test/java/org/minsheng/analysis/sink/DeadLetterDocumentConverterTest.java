package org.minsheng.analysis.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.DeadLetter;

class DeadLetterDocumentConverterTest {
  private final DeadLetterDocumentConverter converter = new DeadLetterDocumentConverter("minsheng-deadletters");
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void carriesReasonStageRawSourceAndTime() {
    SinkDocument d = converter.convert(new DeadLetter("parse", "malformed JSON: Unexpected end-of-input at column 12",
        "{\"id\":", "posts-1.ndjson:7", AT));
    assertThat(d.index()).isEqualTo("minsheng-deadletters");
    assertThat(d.source().path("reason").asText()).isEqualTo("malformed JSON: Unexpected end-of-input at column 12");
    assertThat(d.source().path("stage").asText()).isEqualTo("parse");
    assertThat(d.source().path("raw").asText()).isEqualTo("{\"id\":");
    assertThat(d.source().path("source").asText()).isEqualTo("posts-1.ndjson:7");
    assertThat(d.source().path("occurredAt").asText()).isEqualTo("2026-11-21T10:00:00Z");
  }

  @Test
  void idIsTheSha1OfRawAndStageSoReplaysOverwrite() {
    String id = converter.convert(new DeadLetter("parse", "r1", "{bad", "a", AT)).id();
    assertThat(id).matches("[0-9a-f]{40}");
    // same input and stage, different reason / time / source: same document
    assertThat(converter.convert(new DeadLetter("parse", "r2", "{bad", "b", AT.plusSeconds(60))).id()).isEqualTo(id);
    assertThat(converter.convert(new DeadLetter("sink", "r1", "{bad", "a", AT)).id()).isNotEqualTo(id);
    assertThat(converter.convert(new DeadLetter("parse", "r1", "{bad!", "a", AT)).id()).isNotEqualTo(id);
    // SHA-1("{bad" NUL "parse"), computed independently: printf '{bad\0parse' | sha1sum
    assertThat(id).isEqualTo("c0fc69ec55c8669dc9e6b38989028fd6b16f3bc5");
  }

  @Test
  void hugeRawInputIsCutButIdentifiedByAllOfIt() {
    String huge = "x".repeat(DeadLetterDocumentConverter.MAX_RAW_CHARS + 10);
    SinkDocument d = converter.convert(new DeadLetter("parse", "too long", huge, null, AT));
    assertThat(d.source().path("raw").asText()).hasSize(DeadLetterDocumentConverter.MAX_RAW_CHARS);
    assertThat(d.source().has("source")).isFalse();
    assertThat(d.id()).isNotEqualTo(DeadLetterDocumentConverter.id(huge.substring(0, DeadLetterDocumentConverter.MAX_RAW_CHARS), "parse"));
  }
}
