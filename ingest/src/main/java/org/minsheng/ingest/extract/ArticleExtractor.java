package org.minsheng.ingest.extract;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.minsheng.config.Settings;
import org.minsheng.ingest.time.ChineseDateParser;

/**
 * A generic main-content extractor for article pages (jsoup), with per-site CSS selectors that override it.
 *
 * <p>Body: the page is cut into text blocks at block-level boundaries ({@link TextBlocks}). Each block votes for every
 * element that contains it: prose (at least one sentence punctuation mark, ≥ 10 characters outside links) votes with
 * its non-link length minus its link length; link lists (link density > 0.5) vote with minus their length; short
 * unpunctuated lines (menus, labels, bylines) with minus 0.3 × their length. The element with the highest total is the
 * smallest container holding the most prose with the least navigation around it: a maximum-sum subtree, which plays
 * the role of GNE's text/link/punctuation densities without their tuning constants. Code blocks vote 0; blocks in
 * comment/related/share sections (by class or id) and long blocks that occur twice (carousel clones) vote minus their
 * length. Its blocks are the body, minus those sections, link lists, captions, leading and trailing non-prose blocks,
 * short editor/source/promo lines, and everything after a 相关推荐 / 评论 heading. docs/EXTRACTION.md has the details.
 *
 * <p>Title, author, publish time and 来源: see {@link TitleFinder}, meta tags (REFERENCE-FORMATS §4.1, in priority
 * order) and then the byline text between the headline and the body ({@link Bylines}, {@link ChineseDateParser}).
 *
 * <p>Elements nested deeper than {@value #MAX_DEPTH} levels are flattened into their text first: several scoring
 * steps walk from a text block up to the root, so a hostile page of tens of thousands of nested elements made
 * extraction quadratic (a 550 KB page of nested {@code <div>}s took minutes; found while fuzzing, docs/FUZZING.md).
 *
 * <p>Thread-safe: no mutable state.
 */
public final class ArticleExtractor {
  /** Deepest element nesting kept as structure; real portal templates stay well under 100. */
  static final int MAX_DEPTH = 256;
  static final List<String> TIME_META = List.of("article:published_time", "og:release_date", "og:published_time",
      "weibo: article:create_at", "weibo:article:create_at", "apub:time", "og:time", "publishdate", "publish_date",
      "publishtime", "pubdate", "pubtime", "_pubtime", "datepublished", "rnews:datepublished",
      "originalpublicationdate", "article_date_original", "publication_date", "sailthru.date", "firstpublishedtime",
      "dc.date.issued", "dc.date", "article:modified_time");
  static final List<String> AUTHOR_META = List.of("article:author", "author", "dc.creator", "byl");
  static final List<String> SOURCE_META = List.of("source", "contentsource", "mediaid", "og:article:source");
  private static final Pattern EDITOR_LINE = Pattern.compile(
      "^[【\\[（(]?\\s*(?:责任编辑|责编|编辑|本文来源|文章来源|来源|原标题|图片来源|图源|作者|摄影|校对|审核)\\s*[:：].{0,40}$");
  private static final Pattern PROMO_LINE = Pattern.compile(
      "二维码|扫一扫|扫码|分享到|已收藏|我的收藏|关键[词字]\\s*[:：]|免费试玩|自动播放|点击进入|下载.{0,6}(APP|App|客户端)|网友评论仅供|【点击|点击(投票|查看|阅读|这里)");
  private static final Pattern TAIL_MARKER = Pattern.compile("^(?:相关(?:推荐|阅读|文章|新闻|报道|链接|专题)|(?:为你|为您)推荐|"
      + "推荐阅读|延伸阅读|猜你喜欢|您可能感兴趣的文章|你可能感兴趣的文章|热门(?:推荐|文章|阅读|评论)|更多(?:精彩|推荐|阅读)|"
      + "(?:网友|最新|热门|全部)?评论(?:\\s*[(（]\\d+[)）])?|发表评论|我要评论)\\s*[:：]?$");
  private static final Pattern DISCLAIMER = Pattern.compile("免责声明|版权声明|版权归.{0,12}所有|未经.{0,10}授权.{0,10}(转载|使用)");
  private static final Pattern SITE_NAME = Pattern.compile(".*(?:网|新闻|频道|日报|晚报|报社|电视台|官网|\\.com|\\.cn)$");
  private static final Evaluator NOISE = QueryParser.parse("script, style, noscript, iframe, svg, canvas, button, input, "
      + "select, textarea, nav, aside, footer, object, embed, audio, video, template, [hidden], "
      + "[style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden], [aria-hidden=true]");
  private static final Pattern STRONG_NEGATIVE = Pattern.compile("(?i)comment|cmt|repl(?:y|ies)|discuss|(?:^|[-_ ])tie[-_]");
  private static final Pattern WEAK_NEGATIVE = Pattern.compile("(?i)related|recommend|sidebar|side-bar|share|hot-?news|"
      + "rank|footer|copyright|crumb|advert|(?:^|[-_ ])ads?(?:[-_ ]|$)|banner|popup|login|(?:^|[-_ ])nav|menu|tags?(?:[-_ ]|$)");
  private static final Pattern POSITIVE = Pattern.compile("(?i)article|content|main|body|text|detail|post|story|entry");
  private static final Evaluator CAPTION_EVALUATOR = QueryParser.parse(
      "figcaption, [class~=(?i)(caption|pic_?txt|pictext|img_?desc|imgtxt|pic_?note|photo_?note)]");

  private final SiteSelectors sites;
  private final ChineseDateParser dates;
  private final Clock clock;
  private final TitleFinder titles = new TitleFinder();
  private final Bylines bylines = new Bylines();

  public ArticleExtractor(SiteSelectors sites, ChineseDateParser dates, Clock clock) {
    this.sites = Objects.requireNonNull(sites, "sites");
    this.dates = Objects.requireNonNull(dates, "dates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The extractor configured by {@code minsheng-extract-defaults.yaml} overridden by {@code userFile} (may be null) and
   * the environment: per-site selectors from {@code extract.sites}.
   */
  public static ArticleExtractor fromConfig(Path userFile, Clock clock) {
    Settings settings = Settings.load("minsheng-extract-defaults.yaml", userFile, System.getenv());
    return new ArticleExtractor(SiteSelectors.fromSettings(settings), new ChineseDateParser(), clock);
  }

  /** The generic extractor with no site selectors and the system clock. */
  public ArticleExtractor() {
    this(SiteSelectors.none(), new ChineseDateParser(), Clock.systemUTC());
  }

  /** Extracts the article from {@code html}; {@code url} (may be null) resolves links and selects site selectors. */
  public Article extract(String html, String url) {
    Objects.requireNonNull(html, "html");
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    flattenBelow(doc, MAX_DEPTH);
    Optional<SiteSelectors.Site> site = sites.forHost(host(url));
    MetaTags meta = new MetaTags(doc);
    String title = site.flatMap(s -> selectText(doc, s.title())).orElseGet(() -> titles.find(doc, meta));
    List<String> headlineContext = headlineContext(doc, title);
    site.ifPresent(s -> s.remove().forEach(sel -> doc.select(sel).remove()));
    doc.select(NOISE).remove();
    Element root = doc.body();
    TextStats stats = TextStats.of(root);
    if (site.isEmpty() || site.get().body() == null) {
      markUnlikely(root, stats);
    }

    List<TextBlock> all = TextBlocks.of(root);
    List<TextBlock> bodyBlocks;
    List<Element> containers = site.map(SiteSelectors.Site::body).map(sel -> (List<Element>) doc.select(sel))
        .orElse(List.of());
    if (!containers.isEmpty()) {
      bodyBlocks = all.stream().filter(b -> containers.stream().anyMatch(c -> within(b.owner(), c))).toList();
    } else {
      Element best = bestContainer(all, root);
      bodyBlocks = trim(all.stream().filter(b -> within(b.owner(), best)).toList(), stats, title);
    }
    String body = String.join("\n", bodyBlocks.stream().map(TextBlock::text).toList());

    List<String> bylineTexts = new ArrayList<>(bylineTexts(all, bodyBlocks, title));
    bylineTexts.addAll(headlineContext);
    Instant now = clock.instant();
    Instant published = site.flatMap(s -> selectDate(doc, s.publishedAt(), now))
        .or(() -> TIME_META.stream().map(meta::get).flatMap(Optional::stream).map(v -> dates.parse(v, now))
            .flatMap(Optional::stream).findFirst())
        .or(() -> timeElement(doc, now))
        .or(() -> bylineTexts.stream().map(t -> dates.parse(t, now)).flatMap(Optional::stream).findFirst())
        .orElse(null);
    String siteNames = meta.get("og:site_name").orElse("") + " " + siteNameFromTitle(doc.title(), title);
    String author = site.flatMap(s -> selectText(doc, s.author()))
        .or(() -> meta.first(AUTHOR_META).map(String::strip)
            .filter(a -> !a.isEmpty() && !siteNames.contains(a) && !SITE_NAME.matcher(a).matches() && a.length() <= 30))
        .or(() -> bylineTexts.stream().map(bylines::author).flatMap(Optional::stream).findFirst())
        .orElse(null);
    String source = site.flatMap(s -> selectText(doc, s.source()))
        .or(() -> meta.first(SOURCE_META).map(Bylines::clean).filter(s -> !s.isEmpty()))
        .or(() -> bylineTexts.stream().map(bylines::source).flatMap(Optional::stream).findFirst())
        .orElse(null);
    return new Article(title, body, author, published, source);
  }

  /** The element with the highest sum of block values over the blocks it contains. */
  static Element bestContainer(List<TextBlock> blocks, Element root) {
    // Long blocks that occur twice are carousel clones or repeated teasers, not article prose.
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (TextBlock b : blocks) {
      if (b.chars() >= 20 && !b.code()) {
        seen.merge(b.text(), 1, Integer::sum);
      }
    }
    Map<Element, Double> score = new IdentityHashMap<>();
    for (TextBlock b : blocks) {
      double v = b.chars() >= 20 && !b.code() && seen.get(b.text()) > 1 ? -b.chars() : b.value();
      for (Element e = b.owner(); e != null; e = e.parent()) {
        score.merge(e, v, Double::sum);
        if (e == root) {
          break;
        }
      }
    }
    Element best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, Double> e : score.entrySet()) {
      double s = e.getValue();
      // ties go to the deeper element: the same prose with less around it
      if (s > bestScore || (s == bestScore && depth(e.getKey()) > depth(best))) {
        best = e.getKey();
        bestScore = s;
      }
    }
    return best;
  }

  private List<TextBlock> trim(List<TextBlock> blocks, TextStats stats, String title) {
    List<TextBlock> kept = new ArrayList<>();
    Map<Element, Boolean> captionOwners = new IdentityHashMap<>();
    String squeezedTitle = title == null ? "" : title.replaceAll("\\s+", "");
    for (TextBlock b : blocks) {
      if (b.unlikely() || b.linkDensity() > 0.5 || isCaption(b, stats, captionOwners) || EDITOR_LINE.matcher(b.text()).matches()
          || (b.chars() <= 100 && PROMO_LINE.matcher(b.text()).find())
          || (b.chars() <= 300 && DISCLAIMER.matcher(b.text()).find())) {
        continue;
      }
      if (!squeezedTitle.isEmpty() && b.text().replaceAll("\\s+", "").equals(squeezedTitle)) {
        continue;
      }
      if (b.chars() <= 16 && !b.prose() && TAIL_MARKER.matcher(b.text().strip()).matches()
          && kept.stream().anyMatch(TextBlock::prose)) {
        break; // "相关推荐", "评论(0)", "您可能感兴趣的文章": what follows is not the article
      }
      kept.add(b);
    }
    int from = 0;
    while (from < kept.size() && !kept.get(from).prose()) {
      from++;
    }
    int to = kept.size();
    while (to > from && !kept.get(to - 1).prose()) {
      to--;
    }
    return kept.subList(from, to);
  }

  /**
   * Marks comment sections (class or id says comment/reply/…) and, unless they also say article/content/… or hold
   * dense prose, related lists, share bars, sidebars and footers: their text then argues against any container
   * holding them (so a comment section separates the article from a feed of teasers below it) and is never output.
   * An element holding more than half the page's text is never marked.
   */
  private static void markUnlikely(Element root, TextStats stats) {
    int total = stats.chars(root);
    List<Element> doomed = new ArrayList<>();
    Element lastMarked = null;
    for (Element e : root.getAllElements()) {
      if (e == root || (lastMarked != null && within(e, lastMarked))) {
        continue;
      }
      String key = e.className() + " " + e.id();
      if (key.isBlank()) {
        continue;
      }
      boolean strong = STRONG_NEGATIVE.matcher(key).find();
      boolean weak = !strong && WEAK_NEGATIVE.matcher(key).find() && !POSITIVE.matcher(key).find();
      if (!strong && !weak) {
        continue;
      }
      int chars = stats.chars(e);
      if (chars * 2 >= total) {
        continue;
      }
      // a weak hint ("share" in js_img_share_area) does not outweigh prose: keep elements dense in punctuation
      if (strong || stats.punctuation(e) * 40 < chars) {
        doomed.add(e);
        lastMarked = e;
      }
    }
    doomed.forEach(e -> e.attr(TextBlocks.UNLIKELY, ""));
  }

  /**
   * A caption: inside a caption element; or short text (≤ 80 chars) in an element that also holds an image; or very
   * short phrase (≤ 20 chars, no comma) in an element right after an image-only element (ifeng's {@code <p><img></p><p>小花家。</p>}).
   */
  private static boolean isCaption(TextBlock b, TextStats stats, Map<Element, Boolean> captionOwners) {
    Element owner = b.owner();
    boolean inCaption = captionOwners.computeIfAbsent(owner, o -> {
      for (Element x = o; x != null && !x.normalName().equals("body"); x = x.parent()) {
        if (x.is(CAPTION_EVALUATOR)) {
          return true;
        }
      }
      return false;
    });
    if (inCaption) {
      return true;
    }
    if (b.chars() <= 80 && !owner.normalName().equals("body") && stats.hasImage(owner) && stats.chars(owner) <= 100) {
      return true;
    }
    if (b.chars() > 20 || b.text().indexOf('，') >= 0 || b.text().indexOf(',') >= 0) {
      return false;
    }
    Element prev = owner.previousElementSibling();
    return prev != null && stats.hasImage(prev) && stats.chars(prev) == 0;
  }


  /** Texts that may hold the byline: blocks between the headline and the body, then the body's first and last lines. */
  private static List<String> bylineTexts(List<TextBlock> all, List<TextBlock> body, String title) {
    List<String> out = new ArrayList<>();
    int first = body.isEmpty() ? all.size() : body.get(0).index();
    int titleAt = -1;
    String squeezed = title == null ? null : title.replaceAll("\\s+", "");
    for (int i = 0; i < first && squeezed != null; i++) {
      if (all.get(i).text().replaceAll("\\s+", "").contains(squeezed)) {
        titleAt = i;
      }
    }
    int start = titleAt >= 0 ? titleAt + 1 : Math.max(0, first - 8);
    for (int i = start; i < first && i < start + 15; i++) {
      TextBlock b = all.get(i);
      if (b.chars() <= 120) {
        out.add(b.text());
      }
    }
    for (int i = 0; i < Math.min(2, body.size()); i++) {
      out.add(body.get(i).text());
    }
    for (int i = Math.max(0, body.size() - 3); i < body.size(); i++) {
      if (body.get(i).chars() <= 60) {
        out.add(body.get(i).text());
      }
    }
    return out;
  }

  /** What {@code <title>} carries besides the headline ("…_网易财经" → "_网易财经"): the site's name. */
  private static String siteNameFromTitle(String pageTitle, String headline) {
    if (pageTitle == null || headline == null) {
      return "";
    }
    return pageTitle.replace(headline, " ");
  }

  /**
   * Texts of the three elements after the headline, read before noise removal: some portals put the byline in an
   * {@code <aside>} or a share bar next to the headline (gamersky's {@code aside.ymw-contxt}).
   */
  private static List<String> headlineContext(Document doc, String title) {
    if (title == null || title.isBlank()) {
      return List.of();
    }
    String squeezed = title.replaceAll("\\s+", "");
    for (Element h : doc.select("h1, h2, h3")) {
      if (h.text().replaceAll("\\s+", "").contains(squeezed)) {
        List<String> out = new ArrayList<>();
        for (Element e = h.nextElementSibling(); e != null && out.size() < 3; e = e.nextElementSibling()) {
          String t = e.text();
          if (!t.isBlank() && t.length() <= 200) {
            out.add(t);
          }
        }
        return out;
      }
    }
    return List.of();
  }

  private Optional<Instant> timeElement(Document doc, Instant now) {
    for (Element t : doc.select("time[datetime], [itemprop=datePublished]")) {
      String v = t.hasAttr("datetime") ? t.attr("datetime") : t.hasAttr("content") ? t.attr("content") : t.text();
      Optional<Instant> i = dates.parse(v, now);
      if (i.isPresent()) {
        return i;
      }
    }
    return Optional.empty();
  }

  private Optional<Instant> selectDate(Document doc, String selector, Instant now) {
    if (selector == null) {
      return Optional.empty();
    }
    Element e = doc.selectFirst(selector);
    if (e == null) {
      return Optional.empty();
    }
    for (String attr : List.of("datetime", "content")) {
      if (e.hasAttr(attr)) {
        Optional<Instant> i = dates.parse(e.attr(attr), now);
        if (i.isPresent()) {
          return i;
        }
      }
    }
    return dates.parse(e.text(), now);
  }

  private static Optional<String> selectText(Document doc, String selector) {
    if (selector == null || selector.isBlank()) {
      return Optional.empty();
    }
    Element e = doc.selectFirst(selector);
    return e == null || e.text().isBlank() ? Optional.empty() : Optional.of(e.text().strip());
  }

  private static boolean within(Element e, Element ancestor) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces the content of every element at {@code maxDepth} by its text (one pass; the subtrees are disjoint, so
   * the whole page costs linear time).
   */
  static void flattenBelow(Document doc, int maxDepth) {
    List<Element> tooDeep = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (depth == maxDepth && node instanceof Element e && e.childrenSize() > 0) {
        tooDeep.add(e);
      }
    }, doc);
    for (Element e : tooDeep) {
      e.text(e.wholeText());
    }
  }

  private static int depth(Element e) {
    int d = 0;
    for (Element x = e; x != null; x = x.parent()) {
      d++;
    }
    return d;
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String h = java.net.URI.create(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
