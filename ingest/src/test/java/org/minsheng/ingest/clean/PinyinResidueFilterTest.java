package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PinyinResidueFilterTest {
  private final PinyinResidueFilter filter = new PinyinResidueFilter();

  @Test
  void removesTonedSyllablesAfterCharacters() {
    assertThat(filter.apply("關(guān)注民生 服務(wù)社會(huì)")).isEqualTo("關注民生 服務社會");
    assertThat(filter.apply("問（wèn）題")).isEqualTo("問題");
  }

  @Test
  void keepsOrdinaryParentheses() {
    String text = "苹果(Apple)发布会在北京(BJ)举行，第(1)条，说明(see)";
    assertThat(filter.apply(text)).isEqualTo(text);
    assertThat(filter.apply("(guān)开头没有汉字")).isEqualTo("(guān)开头没有汉字");
  }

  @Test
  void untonedPinyinWhenConfigured() throws Exception {
    filter.configure(new ObjectMapper().readTree("{\"requireToneMark\": false}"));
    assertThat(filter.apply("關(guan)注")).isEqualTo("關注");
  }

  @Test
  void badSettingNamesThePath() throws Exception {
    assertThatThrownBy(() -> filter.configure(new ObjectMapper().readTree("{\"maxSyllableLength\": 0}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clean.pinyin-residue.maxSyllableLength");
  }
}
