package org.minsheng.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.testing.Fixtures;
import org.minsheng.ingest.testing.Pages;

class FeedParserTest {
  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

  @Test
  void gb2312FeedIsDecodedAsGb18030WithCstDatesAndDoubleEscapes() {
    List<FeedParser.Item> items = FeedParser.parse(Fixtures.resource("news/feed-gbk.xml"), "application/xml", NOW, org.minsheng.ingest.crawl.Extraction.defaults());
    assertThat(items).hasSize(2);
    FeedParser.Item a = items.get(0);
    assertThat(a.title()).isEqualTo("城南暴雨积水 & 多车被淹");
    assertThat(a.description()).isEqualTo("城南暴雨，朱镕基路积水");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-11-21T01:30:00Z"));
    assertThat(items.get(1).link()).isNull();
    assertThat(items.get(1).published()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
  }

  @Test
  void atomLinksComeFromHref() {
    List<FeedParser.Item> items = FeedParser.parse(Fixtures.resource("news/atom.xml"), "application/atom+xml", NOW, org.minsheng.ingest.crawl.Extraction.defaults());
    assertThat(items.get(0).link()).isEqualTo("http://news.example.cn/b/2.html");
    assertThat(items.get(0).published()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
  }

  @Test
  void feedQueuesArticlesAndEmitsLinklessItemsAsPosts() {
    NewsSource s = new NewsSource(new SourceConfig("n", "rss", null, "上海", null, List.of("http://news.example.cn/rss.xml"),
        null, null, null, null, null, null, null, null, null, null, null, null, null), Clock.fixed(NOW, ZoneOffset.UTC), org.minsheng.ingest.crawl.Extraction.defaults());
    PageOutcome out = s.parse(s.seeds().get(0), Pages.saved("http://news.example.cn/rss.xml", "application/xml", "news/feed-gbk.xml"));
    assertThat(out.links()).extracting(FrontierEntry::url).containsExactly("http://news.example.cn/a/1.html");
    assertThat(out.links().get(0).attr("published")).isEqualTo(String.valueOf(Instant.parse("2026-11-21T01:30:00Z").toEpochMilli()));
    assertThat(out.posts()).hasSize(1);
    assertThat(out.posts().get(0).text()).isEqualTo("市气象台发布暴雨橙色预警");
    assertThat(out.posts().get(0).platform()).isEqualTo("feed");
  }

  @Test
  void truncatedAndMalformedArticleStillYieldsText() {
    NewsSource s = new NewsSource(new SourceConfig("n", "list", "news.example.cn", null, null, List.of("http://news.example.cn/"),
        null, null, null, null, null, null, null, null, null, null, null, null, null), Clock.fixed(NOW, ZoneOffset.UTC), org.minsheng.ingest.crawl.Extraction.defaults());
    String broken = "<html><head><title>停电通知</title><body><div><p>今日下午城东片区计划停电，预计持续四小时，请居民提前做好准备。<p>供电公司表示将尽快恢复<div><p>未闭合";
    FrontierEntry e = FrontierEntry.of("n", "article", "http://news.example.cn/c/3.html", true);
    PageOutcome out = s.parse(e, Pages.page(e.url(), "text/html; charset=utf-8", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(out.posts()).hasSize(1);
    assertThat(out.posts().get(0).text()).contains("城东片区计划停电");
    assertThat(out.posts().get(0).id()).startsWith("news:");
    PageOutcome empty = s.parse(e, Pages.page(e.url(), "text/html", "<html><body></body>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(empty.posts()).isEmpty();
    assertThat(empty.skipped()).containsExactly("article without extractable body");
  }
}
