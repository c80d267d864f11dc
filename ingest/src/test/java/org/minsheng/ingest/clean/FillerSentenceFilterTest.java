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
  void dropsALineSplicedIntoASentence() {
    String text = String.join("\n", A, "关系党和政府的形象和威信", "", "春浓山腹，梅放岭头", "", "。近些年来，群众工作不断加强。", C);
    assertThat(filter.apply(text)).doesNotContain("春浓山腹").contains("关系党和政府的形象和威信", "。近些年来");
  }

  @Test
  void dropsAnOffTopicFragmentAfterACutLine() {
    String fragment = "我有了好吃的也会请她第一个品尝，就这样，我们俩疯玩了半个学期，于是我们互相约定，";
    String text = String.join("\n", A, "关系党和政府的形象和威信", fragment, B, C, D, E, F);
    assertThat(filter.apply(text)).doesNotContain("好吃").contains("关系党和政府的形象和威信", B);
  }

  @Test
  void dropsQuotations() {
    String text = String.join("\n", A, B, "奢侈是舒适的，否则就不是奢侈。——CocoChanel", C);
    assertThat(filter.apply(text)).isEqualTo(String.join("\n", A, B, C));
  }

  @Test
  void keepsGenuineLinesThatShareNoWordsWithTheRest() {
    // from real pages: genuine lines with a topic score of 0
    String text = String.join("\n", A, B, "没有人敢回应，也没有人敢接这个单。", C, "很高兴又一次和大家见面。", D, E, F);
    assertThat(filter.apply(text)).isEqualTo(text);
  }

  @Test
  void lineBrokenProseIsNotAFragment() {
    String text = String.join("\n", "5月20日至31日，", "京沪高速北京方向，", "无锡枢纽至广陵枢纽将进行封闭施工！",
        "为什么说此次施工", "对无锡市民出行影响最大?", A, B, C);
    assertThat(filter.apply(text)).isEqualTo(text);
  }

  @Test
  void dropsNearbyRepeatsButKeepsRecurringQuestions() {
    String q = "债券市场存在泡沫吗？";
    String text = String.join("\n", "政民互动的总结体会", "", "政民互动的总结体会", A, q, B, C, D, E, q, F);
    assertThat(filter.apply(text)).isEqualTo(String.join("\n", "政民互动的总结体会", "", A, q, B, C, D, E, q, F));
  }

  @Test
  void offTopicRuleIsOptIn() throws Exception {
    String filler = "新人新居，欢歌笑语，送你一捧祝福的心泉，浇灌每一个别后的日子。";
    String text = String.join("\n", A, B, filler, C, D, E, F);
    assertThat(filter.apply(text)).contains(filler);
    filter.configure(new ObjectMapper().readTree("{\"minTopicScore\": 0.15}"));
    assertThat(filter.apply(text)).isEqualTo(String.join("\n", A, B, C, D, E, F));
  }
}
