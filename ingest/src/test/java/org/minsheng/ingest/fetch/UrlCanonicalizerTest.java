package org.minsheng.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
  @Test
  void cosmeticDifferencesCollapse() {
    assertThat(UrlCanonicalizer.canonical("HTTP://News.Example.CN:80/a/../b/./c.html?utm_source=x&id=3#top").toString())
        .isEqualTo("http://news.example.cn/b/c.html?id=3");
    assertThat(UrlCanonicalizer.canonical("https://example.cn").toString()).isEqualTo("https://example.cn/");
    assertThat(UrlCanonicalizer.canonical(URI.create("http://bbs.example.cn/forum.php?mod=forumdisplay&fid=2"),
        "forum.php?mod=viewthread&tid=1002&extra=page%3D1").toString())
        .isEqualTo("http://bbs.example.cn/forum.php?mod=viewthread&tid=1002");
    assertThatThrownBy(() -> UrlCanonicalizer.canonical("ftp://x/y")).hasMessageContaining("not an absolute http(s) URL");
  }

  @Test
  void backoffGrowsWithJitterAndCap() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new SplittableRandom(1));
    for (int i = 0; i < 20; i++) {
      assertThat(b.delay(1).toMillis()).isBetween(50L, 100L);
      assertThat(b.delay(3).toMillis()).isBetween(200L, 400L);
      assertThat(b.delay(30).toMillis()).isBetween(500L, 1000L);
    }
  }

  @Test
  void retryAfterReadsSecondsAndDates() {
    java.time.Instant now = java.time.Instant.parse("2026-11-21T00:00:00Z");
    assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 00:01:00 GMT", now)).contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
  }
}
