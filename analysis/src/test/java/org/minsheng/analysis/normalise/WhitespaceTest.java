package org.minsheng.analysis.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
  // the three expressions the one-pass cleaner replaced: the specification it must keep
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern RUNS = Pattern.compile("[\\s\\p{Z}]+");
  private static final String CJK = "\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}";
  private static final Pattern NEXT_TO_HAN = Pattern.compile(
      "(?<=[" + CJK + "]) (?=[" + CJK + "\\p{Punct}])|(?<=[" + CJK + "\\p{Punct}]) (?=[" + CJK + "])");

  private static String byExpressions(String text) {
    String s = INVISIBLE.matcher(text).replaceAll("");
    s = RUNS.matcher(s).replaceAll(" ");
    s = NEXT_TO_HAN.matcher(s).replaceAll("");
    return s.strip();
  }

  @Test
  void examples() {
    assertThat(Whitespace.clean("  武汉 大学\u3000 牌坊\t\n被拆 ")).isEqualTo("武汉大学牌坊被拆");
    assertThat(Whitespace.clean("15%,\u3000业务")).isEqualTo("15%,业务");
    assertThat(Whitespace.clean("Hello   world 2024 年")).isEqualTo("Hello world 2024 年");
    assertThat(Whitespace.clean("零\u200B宽\uFEFF字符 , 逗号")).isEqualTo("零宽字符,逗号");
    assertThat(Whitespace.clean("\u00A0\u2007\u202F")).isEmpty();
    assertThat(Whitespace.clean(null)).isNull();
    // a Han character outside the BMP before the space: the old lookbehind saw only its low surrogate and kept the
    // space; the one-pass cleaner treats it like any Han character
    assertThat(Whitespace.clean("\uD840\uDC00 字")).isEqualTo("\uD840\uDC00字");
  }

  /** Random text over every kind of character the rules distinguish (Han outside the BMP: see {@link #examples}). */
  @Test
  void agreesWithTheRegularExpressionsOnRandomText() {
    int[] alphabet = {' ', '\t', '\n', '\r', 0x0B, '\f', 0x1C, 0x00A0, 0x2007, 0x202F, 0x2028, 0x2029, 0x3000,
        0x200B, 0x200D, 0xFEFF, 0x00AD, 'a', 'Z', '7', '%', ',', '.', '!', '(', '~', '武', '汉', '〇', 0x3001, 0x3002,
        0x300A, 0xFF0C, 0xFF01, 0x1F600, 'é', 'д', 0x2E80, 0x31C0, 0x3400};
    Random random = new Random(2026);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(16);
      for (int k = 0; k < length; k++) {
        sb.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = sb.toString();
      assertThat(Whitespace.clean(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(byExpressions(text));
    }
  }
}
