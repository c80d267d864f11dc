package org.minsheng.analysis.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraditionalToSimplifiedTest {

  /** Forward longest match done the plain way: the behaviour the table-driven converter must keep. */
  private static String reference(Map<String, String> table, String text) {
    int longestKey = table.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int matched = 0;
      for (int len = Math.min(longestKey, text.length() - i); len >= 1; len--) {
        String value = table.get(text.substring(i, i + len));
        if (value != null) {
          out.append(value);
          matched = len;
          break;
        }
      }
      if (matched == 0) {
        int cp = text.codePointAt(i);
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
      } else {
        i += matched;
      }
    }
    return out.toString();
  }

  @Test
  void convertsLikeAPlainLongestMatchOverHanLpsTable() throws IOException {
    Map<String, String> table;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(TraditionalToSimplified.HANLP_T2S_RESOURCE)) {
      table = TraditionalToSimplified.parse(in);
    }
    TraditionalToSimplified t2s = new TraditionalToSimplified(table);
    List<String> pieces = new ArrayList<>(table.keySet());
    pieces.addAll(List.of("的", "a", " ", "，", "\uD840\uDC00", "\uD83D\uDE00", "\uD840", "\uDC00"));
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        String piece = pieces.get(random.nextInt(pieces.size()));
        // sometimes only the start of a phrase key, so that longer keys fail to match and shorter ones must
        sb.append(piece.length() > 1 && random.nextBoolean() ? piece.substring(0, piece.length() - 1) : piece);
      }
      String text = sb.toString();
      assertThat(t2s.convert(text)).as(text).isEqualTo(reference(table, text));
    }
    assertThat(t2s.convert("國家發展與著名電視臺")).isEqualTo(reference(table, "國家發展與著名電視臺"));
    assertThat(t2s.convert("國家")).isEqualTo("国家");
  }

  @Test
  void keysOutsideTheBasicPlaneAndMultiCharReplacements() {
    TraditionalToSimplified t2s = new TraditionalToSimplified(
        Map.of("\uD840\uDC00", "甲", "乙", "丙丁", "戊己", "庚"));
    assertThat(t2s.convert("x\uD840\uDC00乙戊己戊")).isEqualTo("x甲丙丁庚戊");
  }
}
