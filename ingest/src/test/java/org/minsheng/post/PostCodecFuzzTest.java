package org.minsheng.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the Post NDJSON parser: whatever bytes arrive on the hand-off, {@link PostCodec#decode(String)}
 * either returns a valid post that survives an encode/decode round trip unchanged, or throws
 * {@link InvalidPostException} with a reason (the dead-letter reason). Any other exception, a hang or running out of
 * memory is a finding.
 *
 * <p>In a normal build (regression mode) this runs only the seed corpus in
 * {@code src/test/resources/org/minsheng/post/PostCodecFuzzTestInputs/decodeAcceptsOrRejectsWithAReason/} (fixture
 * lines, a time with offset, deep nesting, a byte-order mark), in well under a second. Fuzzing mode, coverage-guided
 * for {@code maxDuration}, with Jackson instrumented too (by default only this package is):
 * {@code JAZZER_FUZZ=1 ./mvnw -o -B -q -pl ingest test -Dtest=PostCodecFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.instrument='org.minsheng.**,com.fasterxml.jackson.**'}; an input that fails is saved next to the seeds and
 * then replayed in every regression run (the generated corpus goes to {@code ingest/.cifuzz-corpus/}, not committed).
 */
class PostCodecFuzzTest {
  private final PostCodec codec = new PostCodec();

  @FuzzTest(maxDuration = "60s")
  void decodeAcceptsOrRejectsWithAReason(byte[] input) {
    String line = new String(input, StandardCharsets.UTF_8);
    Post post;
    try {
      post = codec.decode(line);
    } catch (InvalidPostException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(post.id()).isNotBlank();
    Post again;
    try {
      again = codec.decode(codec.encode(post));
    } catch (InvalidPostException e) {
      throw new AssertionError("a decoded post does not decode again after encoding: " + e.getMessage(), e);
    }
    assertThat(again).isEqualTo(post);
  }
}
