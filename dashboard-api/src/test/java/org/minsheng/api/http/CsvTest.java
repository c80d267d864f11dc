package org.minsheng.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesSeparatorsAndGuardsFormulas() {
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
    assertThat(Csv.cell(-3)).isEqualTo("-3");
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("物价")).isEqualTo("物价");
  }
}
