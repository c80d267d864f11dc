package org.minsheng.analysis.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.util.List;
import org.junit.jupiter.api.Test;

class HanLpSegmenterTest {

  @Test
  void segmentsWithPartOfSpeechAndDropsPunctuationAndSpaces() {
    List<Token> tokens = new HanLpSegmenter().segment("网友反映小区问题，希望尽快解决！ 2024年 Hello world");
    assertThat(tokens).extracting(Token::word)
        .containsExactly("网友", "反映", "小区", "问题", "希望", "尽快", "解决", "2024", "年", "Hello", "world");
    assertThat(tokens).filteredOn(t -> t.word().equals("网友")).extracting(Token::pos).containsExactly("n");
    assertThat(tokens).allSatisfy(t -> assertThat(t.pos()).doesNotStartWith("w"));
  }

  @Test
  void emptyTextHasNoTokens() {
    HanLpSegmenter segmenter = new HanLpSegmenter();
    assertThat(segmenter.segment("")).isEmpty();
    assertThat(segmenter.segment(null)).isEmpty();
    assertThat(segmenter.segment("，。！?  ...")).isEmpty();
  }

  @Test
  void customWordsStayInTheirOwnInstance() {
    String text = "舆情迅速发酵成热点";
    assertThat(new HanLpSegmenter().segment(text)).extracting(Token::word).doesNotContain("发酵成");

    HanLpSegmenter custom = new HanLpSegmenter(List.of("发酵成 v", "  "));
    assertThat(custom.customWordCount()).isEqualTo(1);
    assertThat(custom.segment(text)).contains(new Token("发酵成", "v"));

    assertThat(new HanLpSegmenter().segment(text)).extracting(Token::word).doesNotContain("发酵成");
    assertThat(CustomDictionary.DEFAULT.get("发酵成")).isNull();
  }

  @Test
  void punctuationFilter() {
    assertThat(HanLpSegmenter.isWord("%", "nx")).isFalse();
    assertThat(HanLpSegmenter.isWord("，", "w")).isFalse();
    assertThat(HanLpSegmenter.isWord(" ", "x")).isFalse();
    assertThat(HanLpSegmenter.isWord("C++", "nx")).isTrue();
    assertThat(HanLpSegmenter.isWord("\uD840\uDC00", "n")).as("a Han character outside the BMP").isTrue();
    assertThat(HanLpSegmenter.isWord("", "n")).isFalse();
  }
}
