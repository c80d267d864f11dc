package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.emotion.EvalEmotionCommand;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;

/** Runs the evaluation commands on small hand-made files with malformed rows, as the launcher would. */
class EvalCommandsTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(EvalCommandsTest.class.getResource("/eval/" + name).toURI());
  }

  private String stderr;

  private JsonNode run(CliCommand command, String... args) throws Exception {
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    int code;
    try (PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream es = new PrintStream(capturedErr, true, StandardCharsets.UTF_8)) {
      System.setOut(ps);
      System.setErr(es);
      code = new CommandLine(command).execute(args);
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
    stderr = capturedErr.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    String out = captured.toString(StandardCharsets.UTF_8).strip();
    assertThat(out.lines().count()).isEqualTo(1);
    return new ObjectMapper().readTree(out);
  }

  @Test
  void twoWaySentimentReportsMalformedRowsAndGoesOn() throws Exception {
    JsonNode r = run(new EvalSentimentCommand(), "--input", fixture("two-way.csv").toString());
    assertThat(r.get("mode").asText()).isEqualTo("two-way");
    assertThat(r.get("n").asLong()).isEqualTo(4);
    assertThat(r.get("malformed").asLong()).isEqualTo(2);
    assertThat(stderr).contains("two-way.csv line 5: label 'x'").contains("two-way.csv line 6: empty text");
    assertThat(r.get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(r.get("per_class").has("negative")).isTrue();
    assertThat(r.has("macro_f1")).isTrue();
  }

  @Test
  void threeWaySentimentWithPolarityAndContentColumns() throws Exception {
    JsonNode r = run(new EvalSentimentCommand(), "--input", fixture("three-way.csv").toString());
    assertThat(r.get("mode").asText()).isEqualTo("three-way");
    assertThat(r.get("n").asLong()).isEqualTo(3);
    assertThat(r.get("malformed").asLong()).isEqualTo(1);
    assertThat(r.get("per_class").has("neutral")).isTrue();
    assertThat(r.get("accuracy").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aBrokenQuoteIsReportedAndEndsTheFileWithoutFailing(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(file, "label,text\n1,好的\n0,\"bad \"quote\" here\",x\n1,很好\n",
        StandardCharsets.UTF_8);
    JsonNode r = run(new EvalSentimentCommand(), "--input", file.toString());
    assertThat(r.get("n").asLong()).isEqualTo(1);
    assertThat(r.get("malformed").asLong()).isEqualTo(1);
    assertThat(stderr).contains("line 3: unparseable CSV");
  }

  @Test
  void emotionReportsMalformedLines() throws Exception {
    JsonNode r = run(new EvalEmotionCommand(), "--input", fixture("emotion.jsonl").toString());
    assertThat(r.get("n").asLong()).isEqualTo(3);
    assertThat(r.get("malformed").asLong()).isEqualTo(3);
    assertThat(stderr).contains("emotion.jsonl line 3: not JSON").contains("emotion.jsonl line 5: unknown label 'joy'")
        .contains("emotion.jsonl line 6: missing 'content'");
    assertThat(r.get("accuracy").asDouble()).isEqualTo(1.0);
  }
}
