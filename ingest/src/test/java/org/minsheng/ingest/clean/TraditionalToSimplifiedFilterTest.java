package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Test
  void longestMatchIsTheSameAsTryingEveryKeyLength() {
    // convert() only tries the key lengths that start with each character; the result must be that of the plain
    // longest-match loop over every length up to the table's longest key, on text made of the table's own keys
    Map<String, String> table = filter.table();
    List<String> keys = new ArrayList<>(table.keySet());
    int maxKey = keys.stream().mapToInt(String::length).max().orElseThrow();
    Random random = new Random(8);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        String key = keys.get(random.nextInt(keys.size()));
        text.append(random.nextInt(4) == 0 ? key.substring(0, (key.length() + 1) / 2) : key);
        if (random.nextInt(5) == 0) {
          text.append("，的a");
        }
      }
      assertThat(filter.convert(text.toString())).as(text.toString()).isEqualTo(everyLength(table, maxKey, text.toString()));
    }
  }

  @Test
  void supplementaryCharactersAreCountedAsOneHanCharacter() {
    assertThat(filter.traditionalShare("𠀀𠀁")).isZero();
    assertThat(filter.apply("𠀀聲音")).isEqualTo("𠀀声音");
  }

  private static String everyLength(Map<String, String> table, int maxKey, String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int len = Math.min(maxKey, text.length() - i);
      String hit = null;
      for (; len > 0 && hit == null; len--) {
        hit = table.get(text.substring(i, i + len));
      }
      if (hit != null) {
        out.append(hit);
        i += len + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }
}
