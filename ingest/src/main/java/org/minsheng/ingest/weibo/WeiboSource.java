package org.minsheng.ingest.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minsheng.ingest.crawl.Extraction;
import org.minsheng.ingest.fetch.FetchRequest;
import org.minsheng.ingest.fetch.FetchResult;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.ingest.source.PageOutcome;
import org.minsheng.ingest.source.PostIds;
import org.minsheng.ingest.source.ConfiguredSource;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.post.Post;

/**
 * Weibo through the m.weibo.cn JSON API (REFERENCE-FORMATS §1): keyword search ({@code 100103type=1&q=}) and user
 * timelines ({@code 107603<uid>}, paged by {@code since_id}), repost timelines (reposts linked to their parent by
 * {@code parentId}), and long texts ({@code /statuses/extend}, queued as their own entries so a crash in between loses
 * nothing). Block answers ({@code ok:-100}, captcha JSON with {@code url} and no {@code data}, the visitor-system HTML)
 * are reported as blocks; HTTP 418/432 and login redirects are caught by the fetcher.
 *
 * <p>{@code urls[0]}, when given, replaces {@code https://m.weibo.cn} (the demo and tests point it at loopback).
 */
public final class WeiboSource extends ConfiguredSource {
  static final String SEARCH = "search";
  static final String TIMELINE = "timeline";
  static final String REPOSTS = "reposts";
  static final String LONGTEXT = "longtext";

  private final String apiBase;
  private final String cookie;
  private final Clock clock;
  private final Extraction extraction;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  public WeiboSource(SourceConfig config, Map<String, String> env, Clock clock, Extraction extraction) {
    super(config, "weibo");
    this.extraction = extraction;
    String base = config.urls().isEmpty() ? "https://m.weibo.cn" : config.urls().get(0);
    this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.cookie = config.resolveCookie(env);
    this.clock = clock;
  }

  @Override
  public List<FrontierEntry> seeds() {
    List<FrontierEntry> seeds = new ArrayList<>();
    for (String kw : config.keywords()) {
      seeds.add(FrontierEntry.of(name(), SEARCH, searchUrl(kw, 1), false).with("page", "1").with("q", kw));
    }
    for (String uid : config.users()) {
      seeds.add(FrontierEntry.of(name(), TIMELINE, timelineUrl(uid, null), false).with("page", "1").with("uid", uid));
    }
    return seeds;
  }

  String searchUrl(String keyword, int page) {
    String containerId = URLEncoder.encode("100103type=1&q=" + keyword, StandardCharsets.UTF_8);
    return apiBase + "/api/container/getIndex?containerid=" + containerId + "&page_type=searchall&page=" + page;
  }

  String timelineUrl(String uid, String sinceId) {
    return apiBase + "/api/container/getIndex?containerid=107603" + uid + (sinceId == null ? "" : "&since_id=" + sinceId);
  }

  @Override
  public FetchRequest request(FrontierEntry entry) {
    Map<String, String> headers = new LinkedHashMap<>(config.headers());
    headers.putIfAbsent("Accept", "application/json, text/plain, */*");
    headers.putIfAbsent("X-Requested-With", "XMLHttpRequest");
    headers.putIfAbsent("MWeibo-Pwa", "1");
    headers.putIfAbsent("Referer", apiBase + "/");
    if (cookie != null && !cookie.isBlank()) {
      headers.put("Cookie", cookie);
    }
    return new FetchRequest(URI.create(entry.url()), headers, null, null);
  }

  @Override
  public PageOutcome parse(FrontierEntry entry, FetchResult page) {
    String body = new String(page.body(), StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      if (body.contains("Sina Visitor System") || body.contains("passport.weibo")) {
        return PageOutcome.blocked("visitor / login wall instead of JSON");
      }
      return PageOutcome.skipped("non-JSON answer from " + entry.kind());
    }
    if (root == null || !root.isObject()) {
      return PageOutcome.skipped("non-object JSON answer");
    }
    int ok = root.path("ok").asInt(Integer.MIN_VALUE);
    if (ok == -100) {
      return PageOutcome.blocked("login required or cookie expired (ok:-100)");
    }
    if (!root.has("data") && root.hasNonNull("url")) {
      return PageOutcome.blocked("captcha / verification page " + root.path("url").asText());
    }
    if (ok != 1) {
      String msg = root.path("msg").asText("");
      if (msg.contains("这里还没有内容")) {
        return PageOutcome.of(List.of(), List.of());
      }
      return PageOutcome.skipped("ok:" + (ok == Integer.MIN_VALUE ? "missing" : ok) + " " + msg);
    }
    JsonNode data = root.path("data");
    return switch (entry.kind()) {
      case SEARCH, TIMELINE -> listing(entry, data);
      case REPOSTS -> reposts(entry, data);
      case LONGTEXT -> longText(entry, data);
      default -> PageOutcome.skipped("unknown weibo page kind " + entry.kind());
    };
  }

  private PageOutcome listing(FrontierEntry entry, JsonNode data) {
    List<JsonNode> mblogs = new ArrayList<>();
    collectMblogs(data.path("cards"), mblogs);
    List<Post> posts = new ArrayList<>();
    List<FrontierEntry> links = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode mblog : mblogs) {
      emit(mblog, null, posts, links, skipped);
    }
    int pageNo = pageNumber(entry);
    if (!mblogs.isEmpty() && pageNo < config.maxPages()) {
      if (entry.kind().equals(SEARCH)) {
        links.add(FrontierEntry.of(name(), SEARCH, searchUrl(entry.attr("q"), pageNo + 1), false)
            .with("page", String.valueOf(pageNo + 1)).with("q", entry.attr("q")));
      } else {
        String sinceId = data.path("cardlistInfo").path("since_id").asText("");
        if (!sinceId.isEmpty() && !sinceId.equals("0")) {
          links.add(FrontierEntry.of(name(), TIMELINE, timelineUrl(entry.attr("uid"), sinceId), false)
              .with("page", String.valueOf(pageNo + 1)).with("uid", entry.attr("uid")));
        }
      }
    }
    return new PageOutcome(posts, links, skipped, null);
  }

  private PageOutcome reposts(FrontierEntry entry, JsonNode data) {
    List<Post> posts = new ArrayList<>();
    List<FrontierEntry> links = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String parent = entry.attr("parent");
    for (JsonNode mblog : data.path("data")) {
      emit(mblog, parent, posts, links, skipped);
    }
    int pageNo = pageNumber(entry);
    int max = data.path("max").asInt(1);
    if (data.path("data").size() > 0 && pageNo < max && pageNo < config.maxPages()) {
      String next = entry.url().replaceAll("([?&])page=\\d+", "$1page=" + (pageNo + 1));
      links.add(FrontierEntry.of(name(), REPOSTS, next, true).with("parent", parent).with("page", String.valueOf(pageNo + 1)));
    }
    return new PageOutcome(posts, links, skipped, null);
  }

  private PageOutcome longText(FrontierEntry entry, JsonNode data) {
    String content = data.path("longTextContent").asText("");
    try {
      Post partial = json.readValue(entry.attr("post"), Post.class);
      if (content.isBlank()) {
        return new PageOutcome(List.of(partial), List.of(), List.of("long text empty; kept the truncated text"), null);
      }
      String text = WeiboText.toPlain(content);
      return PageOutcome.of(List.of(partial.toBuilder().text(text).contentHash(PostIds.contentHash(null, text)).build()),
          List.of());
    } catch (IOException e) {
      return PageOutcome.skipped("long-text entry without a readable partial post: " + e.getMessage());
    }
  }

  /** Posts appear at the top level or inside card_group (type 11); keep anything carrying an mblog. */
  static void collectMblogs(JsonNode cards, List<JsonNode> out) {
    for (JsonNode card : cards) {
      if (card.hasNonNull("mblog")) {
        out.add(card.get("mblog"));
      }
      if (card.has("card_group")) {
        collectMblogs(card.get("card_group"), out);
      }
    }
  }

  private void emit(JsonNode mblog, String parentOverride, List<Post> posts, List<FrontierEntry> links, List<String> skipped) {
    String parentId = parentOverride;
    JsonNode retweeted = mblog.path("retweeted_status");
    if (retweeted.isObject() && retweeted.hasNonNull("id")) {
      parentId = postId(retweeted.path("id").asText());
      if (retweeted.path("user").isObject()) {
        emit(retweeted, null, posts, links, skipped);
      } else {
        skipped.add("repost parent deleted");
      }
    }
    Post post;
    try {
      post = toPost(mblog, parentId);
    } catch (IllegalArgumentException e) {
      skipped.add(e.getMessage());
      return;
    }
    if (mblog.path("isLongText").asBoolean(false)) {
      String inline = mblog.path("longText").path("longTextContent").asText("");
      if (!inline.isBlank()) {
        String text = WeiboText.toPlain(inline);
        post = post.toBuilder().text(text).contentHash(PostIds.contentHash(null, text)).build();
      } else {
        try {
          links.add(FrontierEntry.of(name(), LONGTEXT, apiBase + "/statuses/extend?id=" + mblog.path("id").asText(), true)
              .with("post", json.writeValueAsString(post)));
          post = null;
        } catch (IOException e) {
          skipped.add("cannot queue long text: " + e.getMessage());
        }
      }
    }
    if (post != null) {
      posts.add(post);
    }
    Long reposts = WeiboValues.count(mblog.path("reposts_count"));
    if (config.reposts() && reposts != null && reposts > 0 && parentOverride == null) {
      String id = mblog.path("id").asText();
      links.add(FrontierEntry.of(name(), REPOSTS, apiBase + "/api/statuses/repostTimeline?id=" + id + "&page=1", true)
          .with("parent", postId(id)).with("page", "1"));
    }
  }

  static String postId(String weiboId) {
    return "weibo:" + weiboId;
  }

  Post toPost(JsonNode mblog, String parentId) {
    String id = mblog.path("id").asText("");
    if (id.isBlank() || !id.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("mblog without a numeric id");
    }
    Instant now = clock.instant();
    String text = WeiboText.toPlain(mblog.path("text").asText(""));
    if (text.isBlank()) {
      text = mblog.path("raw_text").asText("").trim();
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("mblog " + id + " has no text");
    }
    Instant created = WeiboValues.createdAt(mblog.path("created_at").asText(null), now, extraction.dates())
        .orElseThrow(() -> new IllegalArgumentException("mblog " + id + ": unreadable created_at"));
    JsonNode user = mblog.path("user");
    Post.Author author = null;
    if (user.isObject()) {
      Long followers = WeiboValues.count(user.path("followers_count"));
      if (followers == null) {
        followers = WeiboValues.count(user.path("followers_count_str"));
      }
      author = new Post.Author(user.path("id").asText(null), user.path("screen_name").asText(null), followers,
          user.has("verified") ? user.path("verified").asBoolean() : null);
    }
    String bid = mblog.path("bid").asText("");
    String url = apiBase + "/status/" + (bid.isBlank() ? id : bid);
    Post.Metrics metrics = new Post.Metrics(WeiboValues.count(mblog.path("reposts_count")),
        WeiboValues.count(mblog.path("comments_count")), WeiboValues.count(mblog.path("attitudes_count")), null);
    String region = WeiboValues.region(mblog.path("region_name").asText(null));
    return Post.builder()
        .id(postId(id))
        .platform("weibo")
        .site(config.site() == null ? "weibo.com" : config.site())
        .url(url)
        .author(author)
        .text(text)
        .publishedAt(created)
        .fetchedAt(now)
        .region(region != null ? region : config.region())
        .metrics(metrics)
        .parentId(parentId != null && !parentId.equals(postId(id)) ? parentId : null)
        .contentHash(PostIds.contentHash(null, text))
        .build();
  }

}
