package org.minsheng.ingest.forum;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.minsheng.ingest.crawl.Extraction;
import org.minsheng.ingest.fetch.FetchResult;
import org.minsheng.ingest.fetch.UrlCanonicalizer;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.PostIds;
import org.minsheng.ingest.source.ConfiguredSource;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.post.Post;

/**
 * Forums: Discuz!-style ({@code type: discuz}) and Tieba-style ({@code type: tieba}) thread lists → thread pages, one
 * Post per floor. The first floor is the thread's post; every other floor's {@code parentId} is the floor it quotes, or
 * else the first floor. Thread pagination is followed (the first floor's id travels along in the entry), list
 * pagination up to {@code maxPages}.
 */
public final class ForumSource extends ConfiguredSource {
  static final String THREAD_LIST = "threadlist";
  static final String THREAD = "thread";

  private final boolean tieba;
  private final Clock clock;
  private final Extraction extraction;

  public ForumSource(SourceConfig config, Clock clock, Extraction extraction) {
    super(config, "forum");
    this.tieba = config.type().equals("tieba");
    this.clock = clock;
    this.extraction = extraction;
  }

  @Override
  public List<FrontierEntry> seeds() {
    List<FrontierEntry> seeds = new ArrayList<>();
    for (String url : config.urls()) {
      seeds.add(FrontierEntry.of(name(), THREAD_LIST, UrlCanonicalizer.canonical(url).toString(), false).with("page", "1"));
    }
    return seeds;
  }

  @Override
  public PageOutcome parse(FrontierEntry entry, FetchResult page) {
    String html = extraction.decoder().decode(page.body(), page.contentType()).html();
    Document doc = tieba ? TiebaParser.parse(html, page.finalUri().toString()) : DiscuzParser.parse(html, page.finalUri());
    String problem = tieba ? TiebaParser.problem(doc) : DiscuzParser.problem(doc);
    if (problem != null) {
      return problem.startsWith("BLOCK:") ? PageOutcome.blocked(problem.substring(6)) : PageOutcome.skipped(problem);
    }
    return entry.kind().equals(THREAD_LIST) ? list(entry, doc) : thread(entry, doc, page.finalUri());
  }

  private PageOutcome list(FrontierEntry entry, Document doc) {
    List<FrontierEntry> links = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<ForumThreadLink> threads = tieba ? TiebaParser.threads(doc) : DiscuzParser.threads(doc);
    for (ForumThreadLink t : threads) {
      try {
        links.add(FrontierEntry.of(name(), THREAD, UrlCanonicalizer.canonical(t.url()).toString(), true)
            .with("tid", t.tid()).with("page", "1"));
      } catch (IllegalArgumentException bad) {
        skipped.add("thread link not an http(s) URL: " + bad.getMessage());
      }
    }
    int pageNo = pageNumber(entry);
    String next = tieba ? TiebaParser.nextListPage(doc) : DiscuzParser.nextPage(doc);
    if (next != null && !next.isBlank() && pageNo < config.maxPages()) {
      links.add(FrontierEntry.of(name(), THREAD_LIST, UrlCanonicalizer.canonical(next).toString(), false)
          .with("page", String.valueOf(pageNo + 1)));
    }
    if (threads.isEmpty()) {
      skipped.add("list page without threads");
    }
    return new PageOutcome(List.of(), links, skipped, null);
  }

  private PageOutcome thread(FrontierEntry entry, Document doc, URI pageUri) {
    Instant now = clock.instant();
    String site = site(pageUri);
    String tid = entry.attr("tid");
    String threadUrl = pageUri.toString();
    List<ForumPost> floors = tieba ? TiebaParser.posts(doc, now, extraction.dates())
        : DiscuzParser.posts(doc, now, extraction.dates());
    String opId = entry.attr("op");
    String title = entry.attr("title");
    for (ForumPost p : floors) {
      if (p.floor() != null && p.floor() == 1) {
        opId = PostIds.platformId("forum", site, p.pid());
        title = p.title();
      }
    }
    List<Post> posts = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ForumPost p : floors) {
      if (p.text().isBlank()) {
        skipped.add("empty floor (hidden, banned or image only)");
        continue;
      }
      String id = PostIds.platformId("forum", site, p.pid());
      String parent = p.replyToPid() != null ? PostIds.platformId("forum", site, p.replyToPid()) : opId;
      if (id.equals(parent)) {
        parent = null;
      }
      Instant at = p.publishedAt();
      if (at == null) {
        skipped.add("floor without a readable time: fetch time used");
        at = now;
      }
      String floorTitle = p.floor() != null && p.floor() == 1 ? p.title() : null;
      posts.add(Post.builder()
          .id(id).platform("forum").site(site)
          .url(threadUrl + (threadUrl.contains("?") ? "&" : "?") + "pid=" + p.pid())
          .author(new Post.Author(p.authorId(), p.authorName(), null, null))
          .title(floorTitle)
          .text(extraction.cleaner().clean(p.text()))
          .publishedAt(at).fetchedAt(now)
          .region(p.region() != null ? p.region() : config.region())
          .metrics(p.replies() != null || p.views() != null ? new Post.Metrics(null, p.replies(), null, p.views()) : null)
          .parentId(parent)
          .contentHash(PostIds.contentHash(floorTitle, p.text()))
          .build());
    }
    List<FrontierEntry> links = new ArrayList<>();
    int pageNo = pageNumber(entry);
    String next = tieba ? TiebaParser.nextThreadPage(doc) : DiscuzParser.nextPage(doc);
    if (next != null && !next.isBlank()) {
      FrontierEntry e = FrontierEntry.of(name(), THREAD, UrlCanonicalizer.canonical(next).toString(), true)
          .with("page", String.valueOf(pageNo + 1));
      if (tid != null) {
        e = e.with("tid", tid);
      }
      if (opId != null) {
        e = e.with("op", opId);
      }
      if (title != null) {
        e = e.with("title", title);
      }
      links.add(e);
    }
    if (floors.isEmpty()) {
      skipped.add("thread page without posts");
    }
    return new PageOutcome(posts, links, skipped, null);
  }
}
