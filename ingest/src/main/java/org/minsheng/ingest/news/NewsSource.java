package org.minsheng.ingest.news;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minsheng.ingest.charset.DecodedHtml;
import org.minsheng.ingest.crawl.Extraction;
import org.minsheng.ingest.extract.Article;

import org.minsheng.ingest.fetch.FetchResult;
import org.minsheng.ingest.fetch.UrlCanonicalizer;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.PostIds;
import org.minsheng.ingest.source.ConfiguredSource;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.post.Post;

/**
 * News portals: RSS/Atom feeds ({@code type: rss}), sitemaps ({@code type: sitemap}, parsed by crawler-commons'
 * {@link SiteMapParser}) and list pages ({@code type: list}: links matching {@code articlePattern} inside
 * {@code linkSelector}, next page by {@code nextPageSelector}). All lead to article pages, decoded and extracted by the
 * extraction chain; {@code selectors.title/body/author/time} override the generic extractor per site.
 */
public final class NewsSource extends ConfiguredSource {
  static final String FEED = "feed";
  static final String SITEMAP = "sitemap";
  static final String LIST = "list";
  static final String ARTICLE = "article";

  private final Pattern articlePattern;
  private final Clock clock;
  private final Extraction extraction;

  public NewsSource(SourceConfig config, Clock clock, Extraction extraction) {
    super(config, "news");
    this.extraction = extraction;
    this.articlePattern = config.articlePattern() == null ? null : Pattern.compile(config.articlePattern());
    this.clock = clock;
  }

  @Override
  public List<FrontierEntry> seeds() {
    String kind = switch (config.type()) {
      case "rss" -> FEED;
      case "sitemap" -> SITEMAP;
      default -> LIST;
    };
    List<FrontierEntry> seeds = new ArrayList<>();
    for (String url : config.urls()) {
      seeds.add(FrontierEntry.of(name(), kind, UrlCanonicalizer.canonical(url).toString(), false).with("page", "1"));
    }
    return seeds;
  }

  @Override
  public PageOutcome parse(FrontierEntry entry, FetchResult page) {
    return switch (entry.kind()) {
      case FEED -> feed(page);
      case SITEMAP -> sitemap(page);
      case LIST -> list(entry, page);
      case ARTICLE -> article(entry, page);
      default -> PageOutcome.skipped("unknown news page kind " + entry.kind());
    };
  }

  private boolean wanted(String url) {
    return articlePattern == null || articlePattern.matcher(url).find();
  }

  private FrontierEntry article(URI base, String href) {
    return FrontierEntry.of(name(), ARTICLE, UrlCanonicalizer.canonical(base, href).toString(), true);
  }

  private PageOutcome feed(FetchResult page) {
    List<FrontierEntry> links = new ArrayList<>();
    List<Post> posts = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (FeedParser.Item item : FeedParser.parse(page.body(), page.contentType(), clock.instant(), extraction)) {
      if (item.link() != null) {
        try {
          FrontierEntry e = article(page.finalUri(), item.link());
          if (!wanted(e.url())) {
            skipped.add("feed link does not match articlePattern");
            continue;
          }
          if (item.published() != null) {
            e = e.with("published", String.valueOf(item.published().toEpochMilli()));
          }
          if (item.title() != null) {
            e = e.with("title", item.title());
          }
          links.add(e);
        } catch (IllegalArgumentException bad) {
          skipped.add("bad feed link: " + bad.getMessage());
        }
      } else if (item.description() != null) {
        String text = extraction.cleaner().clean(item.description());
        Instant now = clock.instant();
        posts.add(Post.builder().id(PostIds.urlId("feed", page.finalUri() + "#" + PostIds.contentHash(item.title(), text)))
            .platform("feed").site(site(page.finalUri())).url(page.finalUri().toString()).title(item.title()).text(text)
            .author(item.author() == null ? null : new Post.Author(null, item.author(), null, null))
            .publishedAt(item.published() == null ? now : item.published()).fetchedAt(now).region(config.region())
            .contentHash(PostIds.contentHash(item.title(), text)).build());
      } else {
        skipped.add("feed item without link or description");
      }
    }
    return new PageOutcome(posts, links, skipped, null);
  }

  private PageOutcome sitemap(FetchResult page) {
    try {
      SiteMapParser parser = new SiteMapParser(false);
      AbstractSiteMap sm = parser.parseSiteMap(page.contentType() == null ? "text/xml" : page.contentType(), page.body(),
          new URL(page.finalUri().toString()));
      List<FrontierEntry> links = new ArrayList<>();
      if (sm instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          links.add(FrontierEntry.of(name(), SITEMAP, UrlCanonicalizer.canonical(child.getUrl().toString()).toString(), false));
        }
      } else if (sm instanceof SiteMap map) {
        for (SiteMapURL u : map.getSiteMapUrls()) {
          String url = u.getUrl().toString();
          if (wanted(url)) {
            FrontierEntry e = article(null, url);
            if (u.getLastModified() != null) {
              e = e.with("published", String.valueOf(u.getLastModified().getTime()));
            }
            links.add(e);
          }
        }
      }
      return PageOutcome.of(List.of(), links);
    } catch (Exception e) {
      return PageOutcome.skipped("unreadable sitemap: " + e.getMessage());
    }
  }

  private PageOutcome list(FrontierEntry entry, FetchResult page) {
    String html = extraction.decoder().decode(page.body(), page.contentType()).html();
    Document doc = Jsoup.parse(html, page.finalUri().toString());
    List<Element> scopes = config.linkSelector() == null ? List.of(doc) : doc.select(config.linkSelector());
    List<FrontierEntry> links = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Element scope : scopes) {
      for (Element a : scope.select("a[href]")) {
        String href = a.absUrl("href");
        if (href.isBlank() || !href.startsWith("http")) {
          continue;
        }
        try {
          FrontierEntry e = article(null, href);
          if (wanted(e.url()) && !e.url().equals(entry.url())) {
            links.add(e.with("title", a.text()));
          }
        } catch (IllegalArgumentException bad) {
          skipped.add("bad link on list page");
        }
      }
    }
    int pageNo = pageNumber(entry);
    if (config.nextPageSelector() != null && pageNo < config.maxPages()) {
      Element next = doc.selectFirst(config.nextPageSelector());
      if (next != null && !next.absUrl("href").isBlank()) {
        links.add(FrontierEntry.of(name(), LIST, UrlCanonicalizer.canonical(next.absUrl("href")).toString(), false)
            .with("page", String.valueOf(pageNo + 1)));
      }
    }
    return new PageOutcome(List.of(), links, skipped, null);
  }

  private PageOutcome article(FrontierEntry entry, FetchResult page) {
    DecodedHtml decoded = extraction.decoder().decode(page.body(), page.contentType());
    String url = page.finalUri().toString();
    Article a = extraction.extractor().extract(decoded.html(), url);
    String title = a.title();
    String body = a.body();
    String author = a.author() != null ? a.author() : a.source();
    Instant published = a.publishedAt();
    if (!config.selectors().isEmpty()) {
      Document doc = Jsoup.parse(decoded.html(), url);
      title = select(doc, "title", title);
      body = selectBody(doc, body);
      author = select(doc, "author", author);
      String time = select(doc, "time", null);
      if (time != null) {
        published = extraction.dates().parse(time, clock.instant()).orElse(published);
      }
    }
    if ((title == null || title.isBlank()) && entry.attr("title") != null) {
      title = entry.attr("title");
    }
    body = body == null ? null : extraction.cleaner().clean(body);
    if (body == null || body.isBlank()) {
      return PageOutcome.skipped("article without extractable body");
    }
    List<String> skipped = new ArrayList<>();
    Instant now = clock.instant();
    if (published == null && entry.attr("published") != null) {
      published = Instant.ofEpochMilli(Long.parseLong(entry.attr("published")));
    }
    if (published == null) {
      skipped.add("undated article: fetch time used as publishedAt");
      published = now;
    }
    if (published.isAfter(now.plusSeconds(600))) {
      published = now;
    }
    Post post = Post.builder()
        .id(PostIds.urlId("news", url))
        .platform("news")
        .site(site(page.finalUri()))
        .url(url)
        .author(author == null || author.isBlank() ? null : new Post.Author(null, author, null, null))
        .title(title == null || title.isBlank() ? null : title.trim())
        .text(body)
        .publishedAt(published)
        .fetchedAt(now)
        .region(config.region())
        .contentHash(PostIds.contentHash(title, body))
        .build();
    return new PageOutcome(List.of(post), List.of(), skipped, null);
  }

  private String select(Document doc, String field, String fallback) {
    String css = config.selectors().get(field);
    if (css == null) {
      return fallback;
    }
    Element e = doc.selectFirst(css);
    return e == null ? fallback : e.text();
  }

  private String selectBody(Document doc, String fallback) {
    String css = config.selectors().get("body");
    if (css == null) {
      return fallback;
    }
    StringBuilder sb = new StringBuilder();
    for (Element e : doc.select(css)) {
      sb.append(e.wholeText().trim()).append('\n');
    }
    return sb.length() == 0 ? fallback : sb.toString().trim();
  }
}
