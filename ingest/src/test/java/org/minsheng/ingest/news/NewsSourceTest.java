package org.minsheng.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.testing.Pages;

class NewsSourceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

  private static NewsSource source(String type, String url, String pattern, String linkSel, String nextSel,
      Map<String, String> selectors) {
    return new NewsSource(new SourceConfig("n", type, "news.example.cn", null, null, List.of(url), null, 3, pattern, linkSel,
        nextSel, selectors, null, null, null, null, null, null, null), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());
  }

  @Test
  void sitemapUrlsMatchingThePatternBecomeArticlesWithLastmod() {
    NewsSource s = source("sitemap", "http://news.example.cn/sitemap.xml", "/a/\\d{4}/", null, null, null);
    PageOutcome out = s.parse(s.seeds().get(0), Pages.saved("http://news.example.cn/sitemap.xml", "application/xml", "news/sitemap.xml"));
    assertThat(out.links()).extracting(FrontierEntry::url).containsExactly(
        "http://news.example.cn/a/2026/11/21/101.html", "http://news.example.cn/a/2026/11/21/102.html");
    assertThat(out.links().get(0).attr("published")).isEqualTo(String.valueOf(Instant.parse("2026-11-21T00:00:00Z").toEpochMilli()));
    assertThat(out.links().get(0).oneShot()).isTrue();
    PageOutcome index = s.parse(s.seeds().get(0), Pages.saved("http://news.example.cn/sitemap.xml", "application/xml", "news/sitemap-index.xml"));
    assertThat(index.links()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("sitemap");
      assertThat(e.url()).isEqualTo("http://news.example.cn/sitemap-2026-11.xml");
    });
  }

  @Test
  void gbkListPageGivesCanonicalArticleLinksAndTheNextPage() {
    NewsSource s = source("list", "http://news.example.cn/local/", "/a/", "ul.list", "a.next", null);
    PageOutcome out = s.parse(s.seeds().get(0), Pages.saved("http://news.example.cn/local/", "text/html", "news/list-gbk.html"));
    assertThat(out.links()).extracting(FrontierEntry::url).containsExactly("http://news.example.cn/a/2026/11/21/101.html",
        "http://news.example.cn/a/2026/11/21/102.html", "http://news.example.cn/local/index_2.html");
    assertThat(out.links().get(0).attr("title")).isEqualTo("城南暴雨");
    assertThat(out.links().get(2).kind()).isEqualTo("list");
    assertThat(out.links().get(2).attr("page")).isEqualTo("2");
  }

  @Test
  void siteSelectorsOverrideTheGenericExtractor() {
    NewsSource s = source("list", "http://news.example.cn/", null, null, null,
        Map.of("title", "h2.t", "body", "div.content p", "time", "span.time", "author", "span.src"));
    String html = "<html><body><h2 class=\"t\">燃气调价听证会召开</h2><span class=\"time\">2026年11月20日 10:30</span><span class=\"src\">城市晨报</span>"
        + "<div class=\"content\"><p>市发改委今天召开听证会。</p><p>方案拟上调第一档气价。</p></div>"
        + "<div class=\"ads\"><p>广告：买房找我们，广告广告广告广告广告广告广告广告广告广告广告广告广告广告广告。</p><p>更多广告内容更多广告内容更多广告内容更多广告内容。</p><p>再来一段很长的广告文字再来一段很长的广告文字再来一段很长的广告文字。</p></div></body></html>";
    FrontierEntry e = FrontierEntry.of("n", "article", "http://news.example.cn/b/9.html", true);
    PageOutcome out = s.parse(e, Pages.page(e.url(), "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(out.posts()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("燃气调价听证会召开");
      assertThat(p.text()).isEqualTo("市发改委今天召开听证会。\n方案拟上调第一档气价。");
      assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-11-20T02:30:00Z"));
      assertThat(p.author().name()).isEqualTo("城市晨报");
      assertThat(p.site()).isEqualTo("news.example.cn");
    });
  }
}
