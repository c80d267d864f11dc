package org.minsheng.analysis.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.analysis.source.RawLine;

class ParsePostFunctionTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String VALID = "{\"v\":1,\"id\":\"weibo:1\",\"platform\":\"weibo\",\"site\":\"weibo.com\","
      + "\"title\":\"標題\",\"text\":\"網友關注\",\"publishedAt\":\"2026-03-01T08:00:00Z\",\"unknownField\":42}";

  private ParsePostFunction function;
  private OneInputStreamOperatorTestHarness<RawLine, AnalyzedPost> harness;

  @BeforeEach
  void setUp() throws Exception {
    function = new ParsePostFunction(Clock.fixed(NOW, ZoneOffset.UTC));
    harness = ProcessFunctionTestHarnesses.forProcessFunction(function);
  }

  private static RawLine line(String line) {
    return new RawLine("spool:/test", line);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void validLineBecomesAnAnalyzedPost() throws Exception {
    harness.processElement(line(VALID), 10L);

    List<AnalyzedPost> out = harness.extractOutputValues();
    assertThat(out).hasSize(1);
    AnalyzedPost post = out.get(0);
    assertThat(post.id()).isEqualTo("weibo:1");
    assertThat(post.post.text()).isEqualTo("網友關注");
    assertThat(post.post.publishedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
    assertThat(post.normalisedText).isNull();
    assertThat(harness.getSideOutput(ParsePostFunction.DEAD_LETTERS)).isNull();
    assertThat(function.postCount()).isEqualTo(1);
    assertThat(function.deadLetterCount()).isZero();
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineIsIgnored() throws Exception {
    harness.processElement(line("\uFEFF" + VALID), 10L);
    assertThat(harness.extractOutputValues()).extracting(AnalyzedPost::id).containsExactly("weibo:1");
    assertThat(function.deadLetterCount()).isZero();
  }

  @Test
  void everyKindOfBadLineIsADeadLetterWithItsReason() throws Exception {
    String broken = "{\"v\":1,\"id\":\"x\"";
    String missing = "{\"v\":1,\"id\":\"forum:7\",\"platform\":\"forum\",\"publishedAt\":\"2026-03-01T08:00:00Z\"}";
    String wrongType = "{\"v\":1,\"id\":\"news:3\",\"platform\":\"news\",\"text\":\"正文\","
        + "\"publishedAt\":\"2026-03-01T08:00:00Z\",\"metrics\":{\"likes\":\"many\"}}";
    String noVersion = "{\"id\":\"a\",\"platform\":\"news\",\"text\":\"t\",\"publishedAt\":\"2026-03-01T08:00:00Z\"}";
    String future = "{\"v\":1,\"id\":\"news:9\",\"platform\":\"news\",\"text\":\"t\",\"publishedAt\":\"2026-03-05T00:00:00Z\"}";
    String array = "[1,2]";
    for (String line : List.of(broken, missing, wrongType, noVersion, future, array, "   ")) {
      harness.processElement(line(line), 5L);
    }
    harness.processElement(line(VALID), 6L);

    assertThat(harness.extractOutputValues()).extracting(AnalyzedPost::id).containsExactly("weibo:1");
    List<DeadLetter> dead = harness.getSideOutput(ParsePostFunction.DEAD_LETTERS).stream()
        .map(StreamRecord::getValue).toList();
    assertThat(dead).extracting(DeadLetter::raw).containsExactly(broken, missing, wrongType, noVersion, future, array, "   ");
    assertThat(dead).allSatisfy(d -> {
      assertThat(d.stage()).isEqualTo("parse");
      assertThat(d.source()).isEqualTo("spool:/test");
      assertThat(d.occurredAt()).isEqualTo(NOW);
    });
    assertThat(dead.get(0).reason()).startsWith("malformed JSON: ").contains("at column");
    assertThat(dead.get(1).reason()).isEqualTo("invalid post forum:7: missing text");
    assertThat(dead.get(2).reason()).startsWith("wrong field type: ").contains("many");
    assertThat(dead.get(3).reason()).isEqualTo("missing schema version field \"v\"");
    assertThat(dead.get(4).reason()).isEqualTo(
        "invalid post news:9: publishedAt 2026-03-05T00:00:00Z is more than 24h in the future");
    assertThat(dead.get(5).reason()).isEqualTo("not a JSON object");
    assertThat(dead.get(6).reason()).isEqualTo("empty line");
    assertThat(function.deadLetterCount()).isEqualTo(7);
    assertThat(function.postCount()).isEqualTo(1);
  }

  @Test
  void aDeadLetterNamesTheOriginOfItsLine() throws Exception {
    harness.processElement(new RawLine("kafka:minsheng-posts/1/42", "{\"v\":1,"), 5L);
    DeadLetter d = harness.getSideOutput(ParsePostFunction.DEAD_LETTERS).poll().getValue();
    assertThat(d.source()).isEqualTo("kafka:minsheng-posts/1/42");
    assertThat(d.raw()).isEqualTo("{\"v\":1,");
  }
}
