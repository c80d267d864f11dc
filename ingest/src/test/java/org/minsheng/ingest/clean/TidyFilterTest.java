package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TidyFilterTest {
  @Test
  void collapsesBlankRunsAndStripsOrphanPunctuation() {
    assertThat(new TidyFilter().apply("\n\n第一段。  \n\n\n\n。第二段，继续。\n\n"))
        .isEqualTo("第一段。\n\n第二段，继续。");
  }
}
