package org.minsheng.analysis.alert.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the watch-list expression parser: whatever an analyst types, {@link WatchExpressionParser#parse}
 * either returns an expression or throws {@link WatchExpressionException} whose column lies inside the expression (or
 * one past its end). A parsed expression must print a canonical form that parses back to the same canonical form, and
 * must evaluate against a post made of the same text without throwing. Any other exception (a
 * {@link StackOverflowError} from deep nesting included), a hang or running out of memory is a finding.
 *
 * <p>Regression mode (every build) replays the seeds in
 * {@code src/test/resources/org/minsheng/analysis/alert/watch/WatchExpressionFuzzTestInputs/parsesOrRejectsWithAColumn/}.
 * Fuzzing mode: {@code JAZZER_FUZZ=1 ./mvnw -o -B -q -pl analysis test -Dtest=WatchExpressionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} or {@code ./minsheng bench fuzz --target watch} (docs/FUZZING.md).
 */
class WatchExpressionFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void parsesOrRejectsWithAColumn(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    WatchExpression expression;
    try {
      expression = WatchExpressionParser.parse(text);
    } catch (WatchExpressionException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.column()).isBetween(1, Math.max(1, text.length() + 1));
      return;
    }
    String canonical = expression.canonical();
    WatchExpression again;
    try {
      again = WatchExpressionParser.parse(canonical);
    } catch (WatchExpressionException e) {
      throw new AssertionError("canonical form " + canonical + " of " + text + " does not parse: " + e.getMessage(), e);
    }
    assertThat(again.canonical()).as("canonical form of %s", text).isEqualTo(canonical);
    List<String> tokens = Arrays.asList(text.split("\\s+"));
    boolean matched = expression.matches(WatchExpression.MatchInput.of(text, tokens));
    assertThat(again.matches(WatchExpression.MatchInput.of(text, tokens))).isEqualTo(matched);
  }

  // Findings of the fuzzer, kept as plain tests (their inputs are in the seed corpus too).

  @Test
  void aPhraseTypedInChineseQuotesThatHoldsAnAsciiQuoteKeepsItsCanonicalForm() {
    WatchExpression e = WatchExpressionParser.parse("“ O\"R 强拆” OR 补偿");
    assertThat(e.canonical()).isEqualTo("(“ O\"R 强拆” OR 补偿)");
    assertThat(WatchExpressionParser.parse(e.canonical())).isEqualTo(e);
  }

  @Test
  void deepNestingIsAClearErrorNotAStackOverflow() {
    String parens = "(".repeat(20_000) + "x" + ")".repeat(20_000);
    assertThatThrownBy(() -> WatchExpressionParser.parse(parens)).isInstanceOf(WatchExpressionException.class)
        .hasMessageContaining("nested deeper than 500 levels")
        .satisfies(e -> assertThat(((WatchExpressionException) e).column()).isEqualTo(501));
    assertThatThrownBy(() -> WatchExpressionParser.parse("NOT ".repeat(20_000) + "x"))
        .isInstanceOf(WatchExpressionException.class).hasMessageContaining("nested deeper than 500 levels");
    String deepest = "(".repeat(500) + "拆迁 NOT 招聘" + ")".repeat(500);
    assertThat(WatchExpressionParser.parse(deepest).canonical()).isEqualTo("(拆迁 AND NOT 招聘)");
    assertThatThrownBy(() -> WatchExpressionParser.parse("NOT ".repeat(300) + "(" + "x ".repeat(300) + ")"))
        .isInstanceOf(WatchExpressionException.class).hasMessageContaining("more than 500 nested operators");
  }

  @Test
  void aLongChainOfTermsIsRejectedBeforeItCanOverflowTheMatcher() {
    assertThatThrownBy(() -> WatchExpressionParser.parse("x ".repeat(200_000)))
        .isInstanceOf(WatchExpressionException.class).hasMessageContaining("more than 500 terms and phrases")
        .satisfies(e -> assertThat(((WatchExpressionException) e).column()).isEqualTo(1001));
    WatchExpression longest = WatchExpressionParser.parse("x OR ".repeat(499) + "x");
    assertThat(longest.matches(WatchExpression.MatchInput.of("x", List.of("x")))).isTrue();
    assertThat(WatchExpressionParser.parse(longest.canonical()).canonical()).as("the canonical form of the longest chain")
        .isEqualTo(longest.canonical());
  }
}
