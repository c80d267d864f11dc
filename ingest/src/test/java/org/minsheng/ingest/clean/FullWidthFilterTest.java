package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FullWidthFilterTest {
  private final FullWidthFilter filter = new FullWidthFilter();

  @Test
  void lettersDigitsAndSpacesBecomeHalfWidthPunctuationStays() {
    assertThat(filter.apply("ＧＤＰ增长５．２％，　同比上升。")).isEqualTo("GDP增长5．2％， 同比上升。");
  }

  @Test
  void punctuationToo() throws Exception {
    filter.configure(new ObjectMapper().readTree("{\"punctuation\": true}"));
    assertThat(filter.apply("增长５．２％，同比（上升）")).isEqualTo("增长5.2%,同比(上升)");
  }
}
