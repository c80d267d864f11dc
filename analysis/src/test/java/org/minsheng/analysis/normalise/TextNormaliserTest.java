package org.minsheng.analysis.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private static TextNormaliser normaliser;

  @BeforeAll
  static void load() {
    normaliser = TextNormaliser.withHanLpTable();
  }

  @Test
  void convertsTraditionalToSimplified() {
    assertThat(normaliser.normalise("網友們對這個問題發表了看法，關注後續發展"))
        .isEqualTo("网友们对这个问题发表了看法,关注后续发展");
    assertThat(normaliser.normalise("臺灣颱風過後頭髮亂了")).isEqualTo("台湾台风过后头发乱了");
  }

  @Test
  void hanLpTableIsLoadedWithItsPhrases() {
    TraditionalToSimplified t2s = TraditionalToSimplified.fromHanLp();
    assertThat(t2s.size()).isGreaterThan(4000);
    assertThat(t2s.convert("簡體")).isEqualTo("简体");
    assertThat(t2s.convert("plain ascii 123")).isEqualTo("plain ascii 123");
  }

  @Test
  void longestMatchWinsAndSupplementaryCharactersSurvive() throws Exception {
    TraditionalToSimplified t2s = new TraditionalToSimplified(Map.of("乾", "干", "乾隆", "乾隆"));
    assertThat(t2s.convert("乾隆吃乾飯")).isEqualTo("乾隆吃干飯");
    assertThat(t2s.convert("𠀀乾")).isEqualTo("𠀀干");
    byte[] file = "\uFEFF甲=乙\n\nbroken\n丙=丁\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TraditionalToSimplified.parse(new ByteArrayInputStream(file))).containsOnly(
        Map.entry("甲", "乙"), Map.entry("丙", "丁"));
  }

  @Test
  void fullWidthBecomesHalfWidth() {
    assertThat(FullWidth.toHalfWidth("ＡＢＣ　１２３！（ｘ）")).isEqualTo("ABC 123!(x)");
    assertThat(FullWidth.toHalfWidth("中文。、「引号」")).isEqualTo("中文。、「引号」");
    assertThat(normaliser.normalise("Ｗｅｉｂｏ用户：５０００人")).isEqualTo("Weibo用户:5000人");
  }

  @Test
  void removesTonedPinyinResidueAfterHanCharacters() {
    assertThat(normaliser.normalise("關(guān)注民(mín)生")).isEqualTo("关注民生");
    assertThat(normaliser.normalise("重（chong2）庆")).isEqualTo("重庆");
    assertThat(normaliser.normalise("民声(mín shēng)系统")).isEqualTo("民声系统");
    assertThat(PinyinResidue.remove("绿(lǜ)色")).isEqualTo("绿色");
  }

  @Test
  void keepsParenthesesThatAreNotPinyinReadings() {
    assertThat(normaliser.normalise("北京(Beijing)")).isEqualTo("北京(Beijing)");
    assertThat(normaliser.normalise("关(guan)注")).isEqualTo("关(guan)注");
    assertThat(normaliser.normalise("GDP(增长3%)")).isEqualTo("GDP(增长3%)");
    assertThat(normaliser.normalise("the (mǎ) word")).isEqualTo("the (mǎ) word");
    assertThat(normaliser.normalise("人数(2024)")).isEqualTo("人数(2024)");
  }

  @Test
  void cleansWhitespace() {
    assertThat(Whitespace.clean("  这是\u200B一个 \t\n 测试\u00A0\u00A0text  here ")).isEqualTo("这是一个测试 text here");
    assertThat(Whitespace.clean("中 文 分 词")).isEqualTo("中文分词");
    assertThat(Whitespace.clean("中文 ABC 中文")).isEqualTo("中文 ABC 中文");
    assertThat(Whitespace.clean("增长15%, 业务 , 稳定")).isEqualTo("增长15%,业务,稳定");
    assertThat(Whitespace.clean("Hello, world")).isEqualTo("Hello, world");
    assertThat(normaliser.normalise("營收增長１５％，　業務穩定。")).isEqualTo("营收增长15%,业务稳定。");
  }

  @Test
  void joinsTitleAndTextWithOneLineBreak() {
    assertThat(normaliser.normalise("標題", "正文\n第二段")).isEqualTo("标题\n正文第二段");
    assertThat(normaliser.normalise(null, "正文")).isEqualTo("正文");
    assertThat(normaliser.normalise("  ", "正文")).isEqualTo("正文");
    assertThat(normaliser.normalise(null, null)).isEmpty();
  }

  @Test
  void theStageNormalisesThePostsTitleAndTextAndKeepsTheRest() {
    org.minsheng.post.Post post = org.minsheng.post.Post.builder().id("news:1").platform("news").site("news.example.cn")
        .title(" 標題 ").text("關(guān)注 民生").publishedAt(java.time.Instant.parse("2026-03-01T08:00:00Z"))
        .contentHash("abc").build();
    org.minsheng.analysis.model.AnalyzedPost analysed =
        NormaliseFunction.normalise(normaliser, new org.minsheng.analysis.model.AnalyzedPost(post));
    assertThat(analysed.post.title()).isEqualTo("标题");
    assertThat(analysed.post.text()).isEqualTo("关注民生");
    assertThat(analysed.normalisedText).isEqualTo("标题\n关注民生");
    assertThat(analysed.post.toBuilder().title(" 標題 ").text("關(guān)注 民生").build()).isEqualTo(post);

    org.minsheng.analysis.model.AnalyzedPost untitled = NormaliseFunction.normalise(normaliser,
        new org.minsheng.analysis.model.AnalyzedPost(post.toBuilder().title("\u3000").build()));
    assertThat(untitled.post.title()).isNull();
    assertThat(untitled.normalisedText).isEqualTo("关注民生");
  }
}
