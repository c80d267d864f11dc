package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraditionalToSimplifiedFilterTest {
  private final TraditionalToSimplifiedFilter filter = new TraditionalToSimplifiedFilter();

  @Test
  void convertsTraditionalText() {
    assertThat(filter.apply("基層幹部要多聽群眾的聲音，關注民生，服務社會。"))
        .isEqualTo("基层干部要多听群众的声音，关注民生，服务社会。");
  }

  @Test
  void phrasesKeepTheirCharacters() {
    assertThat(filter.convert("乾隆皇帝")).isEqualTo("乾隆皇帝");
    assertThat(filter.convert("乾燥的頭髮")).isEqualTo("干燥的头发");
  }

  @Test
  void simplifiedTextIsLeftAlone() {
    String text = "著名作家在北京发表演讲，群众反映强烈，基层干部表示将认真研究。";
    assertThat(filter.traditionalShare(text)).isLessThan(0.03);
    assertThat(filter.apply(text)).isEqualTo(text);
  }
}
