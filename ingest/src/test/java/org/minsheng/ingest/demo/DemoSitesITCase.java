package org.minsheng.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.ingest.crawl.CrawlConfig;
import org.minsheng.ingest.crawl.Crawler;
import org.minsheng.post.Post;

/** The demo sites crawled by the real crawler with the ready-made config: every corpus item arrives once. */
class DemoSitesITCase {
  @TempDir
  Path dir;

  @Test
  void demoCrawlDeliversTheWholeCorpusWithLinksRegionsAndABurst() throws Exception {
    Instant before = Instant.now();
    try (DemoSites sites = DemoSites.start(0)) {
      CrawlConfig cfg = sites.crawlConfig(dir.resolve("crawl.mv.db"), dir.resolve("spool"));
      try (SpoolDirectoryWriter spool = new SpoolDirectoryWriter(cfg.spoolDirectory(), 1000, Duration.ofSeconds(5))) {
        Crawler crawler = new Crawler(cfg, spool, Clock.systemUTC(), Map.of());
        assertThat(crawler.runOnce(Duration.ofSeconds(90))).isTrue();
        assertThat(crawler.health()).allSatisfy(h -> {
          assertThat(h.healthy()).isTrue();
          assertThat(h.errors()).isZero();
        });
      }
      List<Post> posts = org.minsheng.ingest.testing.SpoolReader.posts(dir.resolve("spool"));
      assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
      assertThat(sites.visibleItems()).as("future items are held back").isLessThan(sites.corpus().size());
      assertThat(posts).hasSize(sites.visibleItems());
      assertThat(posts).filteredOn(p -> p.platform().equals("news")).hasSize((int) sites.corpus().channel("news").stream().filter(i -> i.minutes() >= 0).count())
          .allSatisfy(p -> {
            assertThat(p.title()).doesNotContain("�");
            assertThat(p.text()).doesNotContain("�");
            assertThat(p.site()).isEqualTo("news.demo.minsheng");
          });
      Post metroNews = posts.stream().filter(p -> "地铁3号线早高峰信号故障 部分区段停运".equals(p.title())).findFirst().orElseThrow();
      assertThat(metroNews.text()).contains("大行宫至鸡鸣寺区段列车停运");
      assertThat(metroNews.publishedAt()).isBetween(before.minusSeconds(36 * 60), Instant.now().minusSeconds(34 * 60));
      assertThat(posts).filteredOn(p -> p.platform().equals("forum") && p.parentId() != null)
          .hasSize(sites.corpus().channel("forum").size()
              - (int) sites.corpus().channel("forum").stream().map(DemoCorpus.Item::thread).distinct().count());
      assertThat(posts).filteredOn(p -> p.platform().equals("forum")).allSatisfy(p -> assertThat(p.text()).doesNotContain("签名").doesNotContain("q</"));
      long reposts = sites.corpus().channel("weibo").stream().filter(i -> i.repostOf() != null && i.minutes() >= 0).count();
      assertThat(posts).filteredOn(p -> p.platform().equals("weibo") && p.parentId() != null).hasSize((int) reposts);
      assertThat(posts).filteredOn(p -> p.platform().equals("weibo")).allSatisfy(p -> {
        assertThat(p.region()).isNotBlank();
        assertThat(p.author().followers()).isNotNull();
      });
      long[] perHour = new long[8];
      for (Post p : posts) {
        long hoursAgo = Duration.between(p.publishedAt(), before).toHours();
        if (hoursAgo >= 0 && hoursAgo < perHour.length) {
          perHour[(int) hoursAgo]++;
        }
      }
      for (int h = 1; h < perHour.length; h++) {
        assertThat(perHour[0]).as("the last hour bursts: %s", java.util.Arrays.toString(perHour)).isGreaterThan(2 * perHour[h]);
      }
    }
  }
}
