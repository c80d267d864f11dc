package org.minsheng.ingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minsheng.config.SharedData;
import picocli.CommandLine;

/**
 * Guards the development figure: the extractor on the hand-labelled dev pages ({@code bench/extraction-gold/dev},
 * pages from the shared data folder). Skips when the shared folder is absent.
 */
class DevGoldRegressionTest {

  @Test
  void devSetStaysAboveTheTarget() throws Exception {
    Optional<Path> pages = SharedData.resolve("data/extraction/gne_test_pages/tests");
    assumeTrue(pages.isPresent(), "shared data folder with GNE pages not found");
    Path gold = Path.of("..", "bench", "extraction-gold", "dev").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(gold), "bench/extraction-gold/dev not found from " + Path.of("").toAbsolutePath());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new CommandLine(new ExtractEvalCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .execute("--html", pages.get().toString(), "--gold", gold.toString());
    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    assertThat(json.get("pages").asInt()).isEqualTo(15);
    assertThat(json.has("failed")).isFalse();
    assertThat(json.get("f1").asDouble()).isGreaterThanOrEqualTo(0.97);
  }
}
