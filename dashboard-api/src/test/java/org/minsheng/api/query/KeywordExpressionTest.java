package org.minsheng.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExpressionTest {
  @Test
  void wordsAlternativesAndExclusions() {
    KeywordExpression e = KeywordExpression.parse("  物价　上涨|涨价 -股票 ");
    assertThat(e.required()).containsExactly(List.of("物价"), List.of("上涨", "涨价"));
    assertThat(e.excluded()).containsExactly("股票");
    assertThat(e.source()).isEqualTo("物价　上涨|涨价 -股票");
  }

  @Test
  void querySyntaxIsJustText() {
    KeywordExpression e = KeywordExpression.parse("title:* OR {\"match_all\":{}}");
    assertThat(e.required()).containsExactly(List.of("title:*"), List.of("OR"), List.of("{\"match_all\":{}}"));
  }

  @Test
  void malformedExpressionsSayWhy() {
    assertThatThrownBy(() -> KeywordExpression.parse("- 物价")).hasMessageContaining("'-' must be followed");
    assertThatThrownBy(() -> KeywordExpression.parse("a|")).hasMessageContaining("empty alternative in 'a|'");
    assertThatThrownBy(() -> KeywordExpression.parse("-a")).hasMessageContaining("not only exclusions");
  }
}
