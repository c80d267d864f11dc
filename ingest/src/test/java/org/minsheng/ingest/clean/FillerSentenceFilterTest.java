package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FillerSentenceFilterTest {
  private final FillerSentenceFilter filter = new FillerSentenceFilter();

  private static final String A = "做好群众工作必须牢记党的宗旨，全心全意为人民服务，解决群众实际问题。";
  private static final String B = "做好群众工作必须精通政策，坚持群众路线，用政策教育群众，在政策范围内解决问题。";
  private static final String C = "基层干部要深入群众，倾听群众呼声，帮助群众解决生产生活中的实际困难。";
  private static final String D = "群众工作要加强，关键在干部作风，要加强对乡镇干部的教育培训。";
  private static final String E = "乡镇党委政府要明确管理和服务职能，把群众工作做细做实。";
  private static final String F = "做好群众工作必须转变作风，干部要经常到基层去，到群众中去。";

  @Test
  void dropsOffTopicLinesAndKeepsTheArticle() {
    String filler = "新人新居，欢歌笑语，送你一捧祝福的心泉，浇灌每一个别后的日子。";
    String quote = "奢侈是舒适的，否则就不是奢侈。——CocoChanel";
    String text = String.join("\n", A, B, filler, C, D, quote, E, F);
    assertThat(filter.apply(text)).isEqualTo(String.join("\n", A, B, C, D, E, F));
  }

  @Test
  void dropsALineSplicedIntoASentence() {
    String text = String.join("\n", A, "关系党和政府的形象和威信", "", "春浓山腹，梅放岭头", "", "。近些年来，群众工作不断加强。", C, D, E);
    assertThat(filter.apply(text)).doesNotContain("春浓山腹").contains("关系党和政府的形象和威信", "。近些年来");
  }

  @Test
  void dropsRepeatedLines() {
    String text = String.join("\n", "政民互动的总结体会", A, "政民互动的总结体会", B);
    assertThat(filter.apply(text)).isEqualTo(String.join("\n", "政民互动的总结体会", A, B));
  }

  @Test
  void shortDocumentsAreNotJudgedForTopic() {
    String text = A + "\n今天天气晴朗，适合郊游踏青。";
    assertThat(filter.apply(text)).isEqualTo(text);
  }

  @Test
  void thresholdIsConfigurable() throws Exception {
    filter.configure(new ObjectMapper().readTree("{\"minTopicScore\": 0.0, \"dropQuotations\": false}"));
    String quote = "奢侈是舒适的，否则就不是奢侈。——CocoChanel";
    String text = String.join("\n", A, B, C, D, quote, E, F);
    assertThat(filter.apply(text)).contains(quote);
  }
}
