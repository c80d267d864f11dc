package org.minsheng.ingest.weibo;

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
import org.minsheng.post.Post;
import org.minsheng.post.PostValidator;

class WeiboSourceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

  private final WeiboSource source = new WeiboSource(new SourceConfig("wb", "weibo", null, null, null,
      List.of("http://127.0.0.1:1/weibo"), null, 3, null, null, null, null, null, List.of("暴雨"), List.of("1234567890"),
      null, "WB_COOKIE", null, null), Map.of("WB_COOKIE", "SUB=abc"), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());

  private FrontierEntry search() {
    return source.seeds().get(0);
  }

  @Test
  void searchPageGivesPostsFromNestedAndTopLevelCardsWithParentsMetricsAndRegion() {
    PageOutcome out = source.parse(search(), Pages.saved(search().url(), "application/json", "weibo/search-page1.json"));
    Map<String, Post> byId = new java.util.HashMap<>();
    out.posts().forEach(p -> byId.put(p.id(), p));
    assertThat(byId).containsOnlyKeys("weibo:5012345678901234", "weibo:5012345678901299", "weibo:5012345678900001",
        "weibo:5012345678901300");
    Post first = byId.get("weibo:5012345678901234");
    assertThat(first.text()).isEqualTo("早高峰地铁停运@某市交通 请绕行\n#地铁故障#[怒]");
    assertThat(first.region()).isEqualTo("江苏");
    assertThat(first.metrics().reposts()).isEqualTo(12_000L);
    assertThat(first.metrics().likes()).isEqualTo(1_000_000L);
    assertThat(first.author().followers()).isEqualTo(1_059_000L);
    assertThat(first.author().verified()).isTrue();
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));
    assertThat(first.url()).endsWith("/status/PabcDEFgh");
    assertThat(first.contentHash()).hasSize(40);
    assertThat(byId.get("weibo:5012345678901299").parentId()).isEqualTo("weibo:5012345678900001");
    assertThat(byId.get("weibo:5012345678901299").metrics().likes()).as("label 赞 is unknown, not 0").isNull();
    assertThat(byId.get("weibo:5012345678901300").parentId()).isEqualTo("weibo:5012345678900002");
    assertThat(out.skipped()).contains("repost parent deleted");
    for (Post p : out.posts()) {
      assertThat(new PostValidator(CLOCK).problems(p)).isEmpty();
    }
    // long post waits for its full text; reposted posts get their repost timeline; next page queued
    assertThat(out.links()).extracting(FrontierEntry::kind).contains("longtext", "reposts", "search");
    FrontierEntry next = out.links().stream().filter(e -> e.kind().equals("search")).findFirst().orElseThrow();
    assertThat(next.attr("page")).isEqualTo("2");
    assertThat(next.url()).contains("page=2").contains("containerid=100103type%3D1%26q%3D");
  }

  @Test
  void longTextEntryCompletesThePartialPost() {
    PageOutcome out = source.parse(search(), Pages.saved(search().url(), "application/json", "weibo/search-page1.json"));
    FrontierEntry longText = out.links().stream().filter(e -> e.kind().equals("longtext")).findFirst().orElseThrow();
    PageOutcome full = source.parse(longText, Pages.saved(longText.url(), "application/json", "weibo/extend.json"));
    assertThat(full.posts()).hasSize(1);
    Post p = full.posts().get(0);
    assertThat(p.id()).isEqualTo("weibo:5012345678901301");
    assertThat(p.text()).contains("市民呼吁加强排水设施建设").contains("\n第二段").doesNotContain("全文");
    assertThat(p.author().followers()).isEqualTo(151_000_000L);
  }

  @Test
  void captchaAndLoginAnswersAreBlocks() {
    PageOutcome out = source.parse(search(), Pages.saved(search().url(), "application/json", "weibo/block-captcha.json"));
    assertThat(out.isBlocked()).isTrue();
    assertThat(out.blockedReason()).contains("ok:-100");
    PageOutcome captcha = source.parse(search(), Pages.page(search().url(), "application/json",
        "{\"url\":\"https://security.weibo.com/captcha\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(captcha.blockedReason()).contains("captcha");
    PageOutcome visitor = source.parse(search(), Pages.page(search().url(), "text/html",
        "<html><title>Sina Visitor System</title></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(visitor.isBlocked()).isTrue();
    PageOutcome empty = source.parse(search(), Pages.page(search().url(), "application/json",
        "{\"ok\":0,\"msg\":\"这里还没有内容\",\"data\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(empty.isBlocked()).isFalse();
    assertThat(empty.posts()).isEmpty();
  }

  @Test
  void timelineFollowsSinceIdAndReadsMonthDayDates() {
    FrontierEntry timeline = source.seeds().get(1);
    assertThat(timeline.url()).endsWith("containerid=1076031234567890");
    PageOutcome out = source.parse(timeline, Pages.saved(timeline.url(), "application/json", "weibo/timeline.json"));
    assertThat(out.posts()).hasSize(2);
    assertThat(out.posts().get(0).publishedAt()).isEqualTo(Instant.parse("2026-06-13T16:00:00Z"));
    assertThat(out.posts().get(1).region()).isEqualTo("北京");
    assertThat(out.links()).anySatisfy(e -> assertThat(e.url()).endsWith("since_id=5012340000000000"));
  }

  @Test
  void cookieAndApiHeadersAreSent() {
    var req = source.request(search());
    assertThat(req.headers()).containsEntry("Cookie", "SUB=abc").containsEntry("MWeibo-Pwa", "1")
        .containsEntry("X-Requested-With", "XMLHttpRequest");
  }

  @Test
  void valuesAndBidsFollowTheReference() {
    assertThat(WeiboValues.bid("3491273850170657")).isEqualTo("yCirT0Iox");
    assertThat(WeiboValues.bid("4857881961438732")).isEqualTo("MohM062hm");
    assertThat(WeiboValues.region("发布于 北京")).isEqualTo("北京");
  }
}
