package org.minsheng.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.time.ChineseDateParser;

/** Three hand-written pages in {@code src/test/resources/extract/}. */
class ArticleExtractorTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-06-01T00:00:00Z"), ZoneOffset.UTC);
  private final ArticleExtractor generic = new ArticleExtractor(SiteSelectors.none(), new ChineseDateParser(), CLOCK);

  private static String page(String name) throws IOException {
    try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/extract/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new HtmlDecoder().decode(in.readAllBytes(), null).html();
    }
  }

  @Test
  void portalArticle() throws IOException {
    Article a = generic.extract(page("portal-article.html"), "https://news.example.cn/local/2022/0325/1.html");
    assertThat(a.title()).isEqualTo("城区老旧小区加装电梯提速 居民：上下楼不再犯愁");
    assertThat(a.publishedAt()).isEqualTo(LocalDateTime.of(2022, 3, 25, 8, 39).atZone(SH).toInstant());
    assertThat(a.source()).isEqualTo("样例日报");
    assertThat(a.author()).as("meta author is the site name, so the byline wins").isEqualTo("李明");
    assertThat(a.body().lines().toList()).containsExactly(
        "记者昨日从市住建局获悉，今年以来全市老旧小区加装电梯工作明显提速，已有一百二十台电梯完成安装并投入使用。",
        "家住幸福里小区的张大爷今年七十六岁，过去每次下楼买菜都要歇上好几回。“现在按一下按钮就到楼下了，上下楼不再犯愁。”他说。",
        "据介绍，加装电梯涉及规划、消防、管线迁改等多个环节，过去审批周期较长。今年起，住建部门推行“一窗受理、并联审批”，审批时间压缩到二十个工作日以内。",
        "资金难题如何破解",
        "市住建局相关负责人表示，除市、区两级财政补贴外，居民还可以提取住房公积金用于加装电梯，低楼层住户的补偿方案由业主协商确定。",
        "下一步，该局将会同街道社区，逐栋摸排居民意愿，力争年底前再完成一百台电梯的安装任务。");
  }

  @Test
  void gbkNoticeWithBylineInTheText() throws IOException {
    Article a = generic.extract(page("gbk-notice.html"), "http://www.example.gov.cn/zwgk/2021/0603/notice.html");
    assertThat(a.title()).isEqualTo("关于开展夏季防汛安全检查的通知");
    assertThat(a.publishedAt()).isEqualTo(LocalDateTime.of(2021, 6, 3, 9, 30).atZone(SH).toInstant());
    assertThat(a.source()).isEqualTo("县应急管理局");
    assertThat(a.body()).contains("为切实做好今年汛期安全防范工作，确保人民群众生命财产安全",
        "一、检查重点。", "二、工作要求。", "三、信息报送。");
    assertThat(a.body()).doesNotContain("网站首页", "政务公开", "主办单位", "浏览次数");
  }

  @Test
  void siteSelectorsOverrideTheGenericExtractor() throws IOException {
    String html = page("site-selector.html");
    Article generic = this.generic.extract(html, "https://kuaixun.example.com/a/1.html");
    assertThat(generic.body()).as("the decoy wins without selectors").contains("本站另一段很长的无关文字");

    SiteSelectors sites = new SiteSelectors(List.of(
        new SiteSelectors.Site("other.example.com", null, "div.x3", null, null, null, null),
        new SiteSelectors.Site("example.com", "span.t", "div.x2", "span.a", "span.d", "span.s", List.of("div.promo"))));
    Article a = new ArticleExtractor(sites, new ChineseDateParser(), CLOCK)
        .extract(html, "https://kuaixun.example.com/a/1.html");
    assertThat(a.title()).isEqualTo("央行：保持流动性合理充裕");
    assertThat(a.body()).isEqualTo("央行今日表示，将继续实施稳健的货币政策，保持流动性合理充裕。\n分析人士认为，短期内市场利率将保持平稳。");
    assertThat(a.author()).isEqualTo("赵强");
    assertThat(a.source()).isEqualTo("样例财经综合");
    assertThat(a.publishedAt()).isEqualTo(LocalDateTime.of(2022, 3, 20, 10, 15).atZone(SH).toInstant());
  }

  @Test
  void emptyAndBrokenHtmlGiveAnEmptyBodyNotAnError() {
    assertThat(generic.extract("", null).body()).isEmpty();
    Article broken = generic.extract("<html><body><div><p>只有一句没有闭合的话，正文很短。<div><span>", "not a url");
    assertThat(broken.body()).isEqualTo("只有一句没有闭合的话，正文很短。");
  }

  @Test
  void titleSuffixesAreStripped() {
    assertThat(TitleFinder.stripSiteName("多地项目连环爆雷 狂奔的龙湖集团\"暗伤\"曝露？_网易财经"))
        .isEqualTo("多地项目连环爆雷 狂奔的龙湖集团\"暗伤\"曝露？");
    assertThat(TitleFinder.stripSiteName("女童眼睛被塞几十片纸 | 凤凰网")).isEqualTo("女童眼睛被塞几十片纸");
  }
}
