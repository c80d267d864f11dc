package org.minsheng.ingest.clean;

import java.util.List;

/** Line helpers shared by the filters. */
final class Lines {
  private Lines() {}

  static List<String> split(String text) {
    return List.of(text.split("\\R", -1));
  }

  static String join(List<String> lines) {
    return String.join("\n", lines);
  }

  /** Han characters in {@code s}. */
  static int han(String s) {
    return (int) s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
  }

  /** Sentence-ending or clause punctuation, Chinese or ASCII. */
  static int sentencePunctuation(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '，', '。', '！', '？', '；', '、', ',', '!', '?', ';' -> n++;
        default -> { }
      }
    }
    return n;
  }

  static int nonSpace(String s) {
    return (int) s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0x3000 && c != 0xA0).count();
  }
}
