package org.minsheng.ingest.weibo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
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
 * Fuzz target for the Weibo mobile-API parser: whatever bytes {@code m.weibo.cn} (or something pretending to be it)
 * answers, {@link WeiboSource#parse} on a search, timeline, repost-timeline or long-text entry ends as a
 * {@link PageOutcome} (posts and further pages, a skip reason, or a block reason). Every post it makes has a
 * {@code weibo:<digits>} id and either passes {@link PostValidator} and survives the hand-off encoding unchanged, or is
 * one the crawler dead-letters with the validator's reasons. Any exception, a hang or running out of memory is a
 * finding.
 *
 * <p>Regression mode (every build) replays the seeds in
 * {@code src/test/resources/org/minsheng/ingest/weibo/WeiboJsonFuzzTestInputs/apiAnswerGivesAnOutcome/} (the parser
 * fixtures and the envelopes of REFERENCE-FORMATS §1). Fuzzing mode: {@code ./minsheng bench fuzz --target weibo}
 * (docs/FUZZING.md).
 */
class WeiboJsonFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final WeiboSource SOURCE = new WeiboSource(new SourceConfig("wb", "weibo", null, "上海", null,
      List.of("http://127.0.0.1:1/weibo"), null, 3, null, null, null, null, null, List.of("暴雨"), List.of("1234567890"),
      null, null, null, null), Map.of(), CLOCK, Extraction.defaults());
  private static final PostValidator VALIDATOR = new PostValidator(CLOCK);
  private static final PostCodec CODEC = new PostCodec();
  private static final List<FrontierEntry> ENTRIES = entries();

  private static List<FrontierEntry> entries() {
    List<FrontierEntry> seeds = SOURCE.seeds();
    Post partial = Post.builder().id("weibo:5012345678901301").platform("weibo").site("weibo.com")
        .url("http://127.0.0.1:1/weibo/status/5012345678901301").text("这是一条很长的微博的开头")
        .publishedAt(Instant.parse("2026-11-21T02:00:00Z")).fetchedAt(NOW).contentHash("0".repeat(40)).build();
    return List.of(seeds.get(0), seeds.get(1),
        FrontierEntry.of("wb", WeiboSource.REPOSTS, "http://127.0.0.1:1/weibo/api/statuses/repostTimeline?id=5012345678901234&page=1",
            true).with("parent", "weibo:5012345678901234").with("page", "1"),
        FrontierEntry.of("wb", WeiboSource.LONGTEXT, "http://127.0.0.1:1/weibo/statuses/extend?id=5012345678901301", true)
            .with("post", CODEC.encode(partial)));
  }

  @FuzzTest(maxDuration = "60s")
  void apiAnswerGivesAnOutcome(byte[] input) {
    for (FrontierEntry entry : ENTRIES) {
      PageOutcome out = SOURCE.parse(entry, Pages.page(entry.url(), "application/json", input));
      if (out.isBlocked()) {
        assertThat(out.blockedReason()).isNotBlank();
        continue;
      }
      for (Post post : out.posts()) {
        assertThat(post.id()).matches("weibo:[0-9]+");
        if (!VALIDATOR.problems(post).isEmpty()) {
          continue; // the crawler dead-letters it with these reasons
        }
        try {
          assertThat(CODEC.decode(CODEC.encode(post))).isEqualTo(post);
        } catch (InvalidPostException e) {
          throw new AssertionError("a valid Weibo post does not survive the hand-off: " + e.getMessage(), e);
        }
      }
      for (FrontierEntry link : out.links()) {
        assertThat(link.url()).startsWith("http://127.0.0.1:1/weibo/");
      }
    }
  }

  // Findings of the fuzzer, kept as plain tests (their inputs are in the seed corpus too).

  @Test
  void aMonthDayThatDoesNotExistSkipsThePostWithAReason() {
    byte[] page = "{\"ok\":1,\"data\":{\"cards\":[{\"card_type\":9,\"mblog\":{\"id\":\"5012345678901234\",\"created_at\":\"13-45\",\"text\":\"暴雨\"}},{\"card_type\":9,\"mblog\":{\"id\":\"5012345678901235\",\"created_at\":\"02-30\",\"text\":\"内涝\"}},{\"card_type\":9,\"mblog\":{\"id\":\"5012345678901236\",\"created_at\":\"11-20\",\"text\":\"停电\"}}]}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    PageOutcome out = SOURCE.parse(ENTRIES.get(0), Pages.page(ENTRIES.get(0).url(), "application/json", page));
    assertThat(out.skipped()).contains("mblog 5012345678901234: unreadable created_at", "mblog 5012345678901235: unreadable created_at");
    assertThat(out.posts()).extracting(Post::id).containsExactly("weibo:5012345678901236");
    apiAnswerGivesAnOutcome(page);
  }
}
