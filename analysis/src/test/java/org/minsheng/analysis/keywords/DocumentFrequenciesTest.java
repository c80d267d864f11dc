package org.minsheng.analysis.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

  @Test
  void countsDecayByHalfEveryHalfLife() {
    DocumentFrequencies df = new DocumentFrequencies(100, 10);
    df.add(List.of("拆迁", "补偿"));
    for (int i = 0; i < 10; i++) {
      df.add(List.of("天气"));
    }
    assertThat(df.df("拆迁")).isCloseTo(0.5, within(1e-9));
    assertThat(df.df("天气")).isGreaterThan(5).isLessThan(10);
    assertThat(df.df("未见")).isZero();
    assertThat(df.idf("拆迁")).isGreaterThan(df.idf("天气"));
    assertThat(df.idf("未见")).isCloseTo(Math.log((df.docs() + 1) / 0.5), within(1e-9));
  }

  @Test
  void longStreamsStayExactThroughRescalingAndPruneTheRarestQuarter() {
    DocumentFrequencies df = new DocumentFrequencies(16, 5);
    for (int i = 0; i < 2_000; i++) { // scale passes 1e12 (2^(2000/5)) many times over
      df.add(List.of("常见"));
    }
    assertThat(df.df("常见")).isCloseTo(1 / (1 - Math.pow(0.5, 1 / 5.0)), within(1e-6));
    List<String> rare = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      rare.add("词" + i);
    }
    df.add(rare); // 17 terms > 16: the rarer quarter (and ties) go, the common term stays
    assertThat(df.size()).isLessThanOrEqualTo(16);
    assertThat(df.df("常见")).isGreaterThan(1);
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new DocumentFrequencies(8, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentFrequencies(100, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
