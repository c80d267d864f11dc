package org.minsheng.ingest.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.testing.Pages;
import org.minsheng.post.Post;

class ForumSourceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

  private static SourceConfig config(String type, String url) {
    return new SourceConfig("bbs", type, "bbs.example.cn", "江苏", null, List.of(url), null, 3, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  @Test
  void discuzListGivesThreadsAndNextPage() {
    String url = "http://bbs.example.cn/forum.php?mod=forumdisplay&fid=2";
    ForumSource s = new ForumSource(config("discuz", url), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());
    PageOutcome out = s.parse(s.seeds().get(0), Pages.saved(url, "text/html", "forum/discuz-list.html"));
    assertThat(out.links()).extracting(FrontierEntry::url).containsExactly(
        "http://bbs.example.cn/forum.php?mod=viewthread&tid=1001",
        "http://bbs.example.cn/forum.php?mod=viewthread&tid=1002",
        "http://bbs.example.cn/forum.php?mod=forumdisplay&fid=2&page=2");
    assertThat(out.links().get(1).oneShot()).isTrue();
    assertThat(out.links().get(2).attr("page")).isEqualTo("2");
  }

  @Test
  void discuzThreadGivesOnePostPerFloorWithRepliesLinkedAndNoiseRemoved() {
    String url = "http://bbs.example.cn/forum.php?mod=viewthread&tid=1002";
    ForumSource s = new ForumSource(config("discuz", url), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());
    FrontierEntry entry = FrontierEntry.of("bbs", "thread", url, true).with("tid", "1002");
    PageOutcome out = s.parse(entry, Pages.saved(url, "text/html", "forum/discuz-thread-p1.html"));
    List<Post> posts = out.posts();
    assertThat(posts).extracting(Post::id).containsExactly("forum:bbs.example.cn:5001", "forum:bbs.example.cn:5002",
        "forum:bbs.example.cn:5003");
    Post op = posts.get(0);
    assertThat(op.title()).isEqualTo("小区停水三天没人管");
    assertThat(op.text()).contains("停水三天了").contains("希望有关部门管一管").doesNotContain("x7Qz9").doesNotContain("本帖最后由");
    assertThat(op.parentId()).isNull();
    assertThat(op.metrics().views()).isEqualTo(3456L);
    assertThat(op.author().id()).isEqualTo("77");
    assertThat(op.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:02:12Z"));
    Post quoting = posts.get(1);
    assertThat(quoting.parentId()).isEqualTo("forum:bbs.example.cn:5001");
    assertThat(quoting.text()).isEqualTo("我们这边也是，打了热线也没用。");
    assertThat(quoting.publishedAt()).as("span title wins over 半小时前").isEqualTo(Instant.parse("2026-11-20T10:30:00Z"));
    assertThat(posts.get(2).parentId()).isEqualTo("forum:bbs.example.cn:5001");
    assertThat(posts.get(2).region()).isEqualTo("江苏");
    FrontierEntry next = out.links().get(0);
    assertThat(next.url()).isEqualTo("http://bbs.example.cn/forum.php?mod=viewthread&tid=1002&page=2");
    assertThat(next.attr("op")).isEqualTo("forum:bbs.example.cn:5001");
  }

  @Test
  void discuzDefencePageIsABlock() {
    String url = "http://bbs.example.cn/forum.php?mod=viewthread&tid=1002";
    ForumSource s = new ForumSource(config("discuz", url), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());
    PageOutcome out = s.parse(FrontierEntry.of("bbs", "thread", url, true), Pages.saved(url, "text/html", "forum/discuz-cc.html"));
    assertThat(out.blockedReason()).contains("频繁刷新限制");
  }

  @Test
  void tiebaListUnhidesCommentedThreadsAndThreadGivesFloorsWithIpRegion() {
    String listUrl = "https://tieba.baidu.com/f?kw=%E6%9F%90%E5%B8%82&ie=utf-8";
    ForumSource s = new ForumSource(config("tieba", listUrl), CLOCK, org.minsheng.ingest.crawl.Extraction.defaults());
    PageOutcome list = s.parse(s.seeds().get(0), Pages.saved(listUrl, "text/html", "forum/tieba-list.html"));
    assertThat(list.links()).extracting(FrontierEntry::url).containsExactly("https://tieba.baidu.com/p/9117905169",
        "https://tieba.baidu.com/p/9117905170", "https://tieba.baidu.com/f?kw=%E6%9F%90%E5%B8%82&ie=utf-8&pn=50");
    FrontierEntry thread = list.links().get(0);
    PageOutcome out = s.parse(thread, Pages.saved(thread.url(), "text/html", "forum/tieba-thread.html"));
    assertThat(out.posts()).hasSize(2);
    assertThat(out.posts().get(0).title()).isEqualTo("公交线路调整太不方便了");
    assertThat(out.posts().get(0).region()).isEqualTo("广东");
    assertThat(out.posts().get(0).author().name()).isEqualTo("贴吧用户_5JQP6NR");
    assertThat(out.posts().get(1).parentId()).isEqualTo("forum:bbs.example.cn:150719031818");
    assertThat(out.posts().get(1).author().name()).isEqualTo("xyz");
    assertThat(out.posts().get(1).publishedAt()).isEqualTo(Instant.parse("2026-11-19T09:20:00Z"));
    assertThat(out.links()).extracting(FrontierEntry::url).containsExactly("https://tieba.baidu.com/p/9117905169?pn=2");
  }
}
