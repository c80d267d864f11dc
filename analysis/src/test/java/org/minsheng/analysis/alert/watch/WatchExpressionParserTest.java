package org.minsheng.analysis.alert.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchExpressionParserTest {

  private static boolean matches(String expr, String text, String... tokens) {
    return WatchExpressionParser.parse(expr).matches(WatchExpression.MatchInput.of(text, List.of(tokens)));
  }

  @Test
  void parsesTheIssueExampleWithPrecedence() {
    WatchExpression e = WatchExpressionParser.parse("拆迁 AND (补偿 OR 强拆) NOT 招聘");
    assertThat(e.canonical()).isEqualTo("((拆迁 AND (补偿 OR 强拆)) AND NOT 招聘)");
  }

  @Test
  void andBindsTighterThanOrAndJuxtapositionIsAnd() {
    assertThat(WatchExpressionParser.parse("a OR b AND c").canonical()).isEqualTo("(a OR (b AND c))");
    assertThat(WatchExpressionParser.parse("暴雨 内涝 OR 停电").canonical()).isEqualTo("((暴雨 AND 内涝) OR 停电)");
    assertThat(WatchExpressionParser.parse("NOT NOT x").canonical()).isEqualTo("NOT NOT x");
  }

  @Test
  void matchesHanTermsAsSubstringsAndNegation() {
    String expr = "拆迁 AND (补偿 OR 强拆) NOT 招聘";
    assertThat(matches(expr, "某村拆迁补偿款迟迟不到位")).isTrue();
    assertThat(matches(expr, "夜间强拆引发拆迁户不满")).isTrue();
    assertThat(matches(expr, "拆迁公司招聘司机，补偿路费")).isFalse();
    assertThat(matches(expr, "拆迁进度顺利")).isFalse();
  }

  @Test
  void latinTermsMatchWholeTokensOnlyAndPhrasesMatchSubstrings() {
    assertThat(matches("AI", "the maid said", "the", "maid", "said")).isFalse();
    assertThat(matches("ai", "AI 换脸诈骗", "AI", "换脸", "诈骗")).isTrue();
    assertThat(matches("\"换脸 诈骗\"", "AI 换脸   诈骗 频发")).isTrue();
    assertThat(matches("\"换脸诈骗\"", "AI 换脸 诈骗")).isFalse();
    assertThat(matches("“业主 维权” AND 物业", "小区业主 维权，物业回应")).isTrue();
  }

  @Test
  void fullWidthParenthesesAreAccepted() {
    assertThat(WatchExpressionParser.parse("拆迁（补偿 OR 强拆）").canonical()).isEqualTo("(拆迁 AND (补偿 OR 强拆))");
  }

  @Test
  void errorsNameTheProblemAndColumn() {
    assertThatThrownBy(() -> WatchExpressionParser.parse("拆迁 AND (补偿 OR 强拆"))
        .isInstanceOf(WatchExpressionException.class)
        .hasMessageStartingWith("missing ')' for '(' at column 8, found the end of the expression at column 17");
    assertThatThrownBy(() -> WatchExpressionParser.parse("拆迁 AND"))
        .hasMessageStartingWith("expected a term, phrase or '(' after AND (column 4) but found the end of the expression at column 7");
    assertThatThrownBy(() -> WatchExpressionParser.parse("拆迁 ) 补偿"))
        .hasMessageStartingWith("unmatched ')' at column 4");
    assertThatThrownBy(() -> WatchExpressionParser.parse("OR 补偿"))
        .hasMessageStartingWith("expected a term, phrase or '(' but found 'OR' at column 1");
    assertThatThrownBy(() -> WatchExpressionParser.parse("拆迁 \"强拆"))
        .hasMessageStartingWith("unclosed quote at column 4");
    assertThatThrownBy(() -> WatchExpressionParser.parse("a AND ()"))
        .hasMessageStartingWith("empty parentheses at column 8");
    assertThatThrownBy(() -> WatchExpressionParser.parse("  "))
        .hasMessageStartingWith("empty expression at column 1");
    WatchExpressionException e = (WatchExpressionException) org.assertj.core.api.Assertions
        .catchThrowable(() -> WatchExpressionParser.parse("a OR OR b"));
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.getMessage()).contains("\n  a OR OR b\n       ^");
  }

  @Test
  void ruleFiltersByRegionSiteAndPlatform() {
    var spec = new org.minsheng.analysis.alert.AlertSettings.WatchRuleSpec();
    spec.name = "拆迁";
    spec.expression = "拆迁 补偿";
    spec.regions = List.of("江苏");
    WatchRule rule = WatchRule.fromSpec(spec);
    var in = WatchExpression.MatchInput.of("拆迁补偿", List.of());
    assertThat(rule.matches("江苏", "a.cn", "forum", in)).isTrue();
    assertThat(rule.matches("浙江", "a.cn", "forum", in)).isFalse();
    spec.expression = "拆迁 AND";
    assertThatThrownBy(() -> WatchRule.fromSpec(spec)).hasMessageStartingWith("watch-list rule '拆迁': expected a term");
  }
}
