package org.minsheng.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.crawl.Extraction;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.testing.Pages;
import org.minsheng.post.InvalidPostException;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.minsheng.post.PostValidator;

/**
 * Fuzz target for a fetched news article page: whatever bytes a portal sends, the path a crawled article takes
 * ({@link NewsSource#parse} on an {@code article} entry: charset decoding, {@link org.minsheng.ingest.extract.ArticleExtractor}
 * with meta tags, bylines and dates, per-site selectors with {@link org.minsheng.ingest.time.ChineseDateParser}, then the
 * {@link org.minsheng.ingest.clean.CleaningChain}) ends as a {@link PageOutcome}: a post, or a skip reason. The same
 * bytes as text also go straight to the date parser. A post that comes out either passes {@link PostValidator} and
 * survives the hand-off encoding unchanged, or is one the crawler dead-letters with the validator's reasons. Any
 * exception, a hang or running out of memory is a finding.
 *
 * <p>Regression mode (every build) replays the seeds in
 * {@code src/test/resources/org/minsheng/ingest/news/NewsArticleFuzzTestInputs/articlePageGivesAnOutcome/} (the
 * extractor fixtures, a page with the meta tags and bylines of REFERENCE-FORMATS §4, date shapes, a plain-text page).
 * Fuzzing mode: {@code ./minsheng bench fuzz --target news} (docs/FUZZING.md).
 */
class NewsArticleFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Extraction EXTRACTION = Extraction.defaults();
  private static final NewsSource GENERIC = source(Map.of());
  private static final NewsSource WITH_SELECTORS = source(Map.of("title", "h1, h2.t", "body", "div.content p, #content p",
      "time", "span.time, .info, .post_time_source", "author", "span.src"));
  private static final PostValidator VALIDATOR = new PostValidator(CLOCK);
  private static final PostCodec CODEC = new PostCodec();

  private static NewsSource source(Map<String, String> selectors) {
    return new NewsSource(new SourceConfig("fuzz", "list", "news.example.cn", "上海", null, List.of("http://news.example.cn/"),
        null, 3, null, null, null, selectors, null, null, null, null, null, null, null), CLOCK, EXTRACTION);
  }

  @FuzzTest(maxDuration = "60s")
  void articlePageGivesAnOutcome(byte[] input) {
    FrontierEntry entry = FrontierEntry.of("fuzz", NewsSource.ARTICLE, "http://news.example.cn/a/2026/11/21/101.html", true)
        .with("title", "列表页标题");
    // Both configurations on every input would halve the rate of a slow target: odd lengths take the selectors.
    NewsSource source = input.length % 2 == 0 ? GENERIC : WITH_SELECTORS;
    PageOutcome out = source.parse(entry, Pages.page(entry.url(), "text/html", input));
    assertThat(out.isBlocked()).isFalse();
    assertThat(out.posts().size() + out.skipped().size()).as("a post or a reason").isPositive();
    for (Post post : out.posts()) {
      checkPost(post);
    }
    EXTRACTION.dates().parse(new String(input, StandardCharsets.UTF_8), NOW)
        .ifPresent(t -> assertThat(t).as("documented plausible range")
            .isBetween(Instant.parse("1989-12-31T16:00:00Z"), NOW.plus(java.time.Duration.ofDays(1))));
  }

  private static void checkPost(Post post) {
    assertThat(post.id()).startsWith("news:");
    assertThat(post.text()).isNotBlank();
    assertThat(post.publishedAt()).isBeforeOrEqualTo(NOW.plusSeconds(600));
    if (!VALIDATOR.problems(post).isEmpty()) {
      return; // the crawler dead-letters it with these reasons
    }
    try {
      assertThat(CODEC.decode(CODEC.encode(post))).isEqualTo(post);
    } catch (InvalidPostException e) {
      throw new AssertionError("a valid extracted post does not survive the hand-off: " + e.getMessage(), e);
    }
  }

  // Findings of the fuzzer, kept as plain tests (their inputs are in the seed corpus too).

  @Test
  void anAbsurdRelativeTimeIsNoDateRatherThanAnException() {
    assertThat(EXTRACTION.dates().parse("99999999999999999999天前", NOW)).isEmpty();
    assertThat(EXTRACTION.dates().parse("发布于 9999999999年前", NOW)).isEmpty();
    assertThat(EXTRACTION.dates().parse("999999999999天前", NOW)).isEmpty();
    assertThat(EXTRACTION.dates().parse("3天前", NOW)).contains(NOW.minus(java.time.Duration.ofDays(3)));
    byte[] page = "<html><body><div class=\"info\">99999999999999999999分钟前</div><div class=\"content\"><p>市民反映小区停水已经三天，物业没有任何通知。</p></div></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    articlePageGivesAnOutcome(page);
    articlePageGivesAnOutcome(java.util.Arrays.copyOf(page, page.length + 1)); // odd length: the selector path
  }

  @Test
  void tensOfThousandsOfNestedElementsAreExtractedInLinearTime() {
    // A hang guard, not a speed target: before the fix one such page took minutes; now about a second each.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(90), this::nestedPages);
  }

  private void nestedPages() {
    String sentence = "市民反映小区停水已经三天，物业没有任何通知，希望有关部门尽快处理。";
    for (String open : List.of("<div>", "<b><i>", "<div><p>段落</p>")) {
      String close = open.startsWith("<b>") ? "</i></b>" : "</div>";
      byte[] page = ("<html><body>" + open.repeat(50_000) + "<p>" + sentence + "</p>" + close.repeat(50_000)
          + "</body></html>").getBytes(StandardCharsets.UTF_8);
      PageOutcome out = GENERIC.parse(FrontierEntry.of("fuzz", NewsSource.ARTICLE, "http://news.example.cn/a/1.html", true),
          Pages.page("http://news.example.cn/a/1.html", "text/html", page));
      assertThat(out.posts()).as(open).singleElement().satisfies(p -> assertThat(p.text()).contains(sentence));
    }
  }
}
