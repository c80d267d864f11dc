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
  void aTableThroughItsBytesGoesOnExactlyAsTheOriginal() {
    DocumentFrequencies original = new DocumentFrequencies(64, 7);
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < 300; i++) { // rescales and prunes on the way
      List<String> doc = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        doc.add("词" + r.nextInt(120));
      }
      original.add(doc);
    }
    byte[] bytes = original.toBytes();
    DocumentFrequencies copy = DocumentFrequencies.fromBytes(bytes, 64, 7);
    assertThat(copy.sameTableAs(original)).isTrue();
    assertThat(bytes.length).as("compact: ~8 bytes of count and ~8 of term per entry")
        .isLessThan(32 + original.size() * 20);
    for (int i = 0; i < 200; i++) {
      List<String> doc = List.of("词" + r.nextInt(120), "词" + r.nextInt(120), "新" + i);
      original.add(doc);
      copy.add(doc);
    }
    assertThat(copy.sameTableAs(original)).as("bit for bit after more documents").isTrue();
    assertThat(copy.idf("词7")).isEqualTo(original.idf("词7"));
    assertThat(copy.docs()).isEqualTo(original.docs());
  }

  @Test
  void bytesThatAreNotATableAreRejectedWithAReason() {
    byte[] good = new DocumentFrequencies(16, 5).toBytes();
    byte[] badFormat = good.clone();
    badFormat[0] = 9;
    assertThatThrownBy(() -> DocumentFrequencies.fromBytes(badFormat, 16, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
    assertThatThrownBy(() -> DocumentFrequencies.fromBytes(java.util.Arrays.copyOf(good, 5), 16, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt");
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new DocumentFrequencies(8, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentFrequencies(100, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
