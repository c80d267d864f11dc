package org.minsheng.bench.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.minsheng.post.Post;

/**
 * Generates realistic Chinese posts, deterministically by {@link CorpusSpec#seed()}: an endless iterator (take as many
 * as needed).
 *
 * <ul>
 *   <li>Platforms: Weibo (short: log-normal length around 60 characters, capped at 140 except for one long post in
 *       ten), forum (log-normal around 220 characters, a tail into thousands) and news (around 800 characters, with a
 *       title).</li>
 *   <li>Content: {@value #LIVE_STORIES} running stories (local events) hold {@value #STORY_SHARE} of the original
 *       posts, by a Zipf-like popularity; each has its own words (an invented local name such as 金桂花园, a named
 *       person, a few concrete details out of {@code Vocabulary.DETAILS}, besides its city, institution and issue),
 *       runs for a few dozen to a few thousand posts and is then replaced by a new one. The rest is everyday chatter
 *       (food, pets, shows, sport …) that picks a few words of one theme at a time and mostly does not cluster.</li>
 *   <li>Structure: Weibo reposts ({@code 转发理由//@原作者: 原文}, {@code parentId} = the reposted post), forum replies
 *       about the thread's story ({@code parentId} = the thread), news reprints on another site (same title and text,
 *       new id and URL).</li>
 *   <li>Bursts: now and then one story takes half of the posts for a few hundred to 1,500 posts, and the publishing
 *       rate rises eightfold.</li>
 *   <li>Spam: advertising posts with contact numbers and links.</li>
 * </ul>
 *
 * <p>{@link #lastLabel()} tells what the post just returned is about (its story, chatter of its own, or spam), so that
 * clustering can be scored on the generated stream. Until 2026-11-22 every post was a fresh random mix of city,
 * district, institution and issue over a vocabulary of ~250 words, so all posts shared most of their words and the
 * job's clustering (rightly, by the words) put nearly all of them into one topic.
 *
 * Not thread-safe.
 */
public final class CorpusGenerator implements Iterator<Post> {
  private static final int RECENT = 256;
  private static final double BURST_RATE_FACTOR = 8.0;
  /** Stories running at any time. */
  static final int LIVE_STORIES = 40;
  /** Share of original (not reposted, replied or reprinted) non-spam posts that belong to a running story. */
  static final double STORY_SHARE = 0.6;

  private final CorpusSpec spec;
  private final SplittableRandom random;
  private final String idPrefix;
  private final List<Labelled> recentWeibo = new ArrayList<>();
  private final List<Labelled> recentThreads = new ArrayList<>();
  private final List<Labelled> recentNews = new ArrayList<>();
  private final Story[] stories = new Story[LIVE_STORIES];
  private final double[] popularity = new double[LIVE_STORIES];
  private double popularityTotal;
  private long count;
  private long storyCount;
  private double clockMillis;
  private int burstRemaining;
  private Story burstStory;
  private String lastLabel;

  /** One local event and its own words: where, who is concerned, who speaks, what happened. */
  private record Story(String key, String province, String city, String district, String stem, String place,
      String institution,
      String issue, String person, List<String> details, int[] remaining) {}

  /** A post remembered for reposts, replies and reprints, with what it is about. */
  private record Labelled(Post post, String label, Story story) {}

  public CorpusGenerator(CorpusSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.random = new SplittableRandom(spec.seed());
    this.idPrefix = "b" + Long.toString(spec.seed(), 36) + "-";
    this.clockMillis = spec.start().toEpochMilli();
    for (int i = 0; i < LIVE_STORIES; i++) {
      // Zipf-like popularity: a few big stories, a long tail
      popularity[i] = 1.0 / (i + 2);
      popularityTotal += popularity[i];
      stories[i] = newStory();
    }
  }

  /** The first {@code n} posts. */
  public static List<Post> generate(CorpusSpec spec, int n) {
    CorpusGenerator generator = new CorpusGenerator(spec);
    List<Post> posts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      posts.add(generator.next());
    }
    return posts;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  /**
   * What the post last returned by {@link #next()} is about: {@code "s<n>"} for the n-th story (reposts, replies and
   * reprints carry their original's label), {@code "c-<postId>"} for chatter (each its own subject), null for spam.
   */
  public String lastLabel() {
    return lastLabel;
  }

  @Override
  public Post next() {
    advanceBurst();
    long n = count++;
    Instant publishedAt = Instant.ofEpochMilli((long) clockMillis);
    double rate = spec.postsPerSecond() * (burstRemaining > 0 ? BURST_RATE_FACTOR : 1.0);
    clockMillis += exponential(1000.0 / rate);
    String id = idPrefix + Long.toString(n, 36);

    double platformDraw = random.nextDouble();
    Post post;
    if (random.nextDouble() < spec.spamShare()) {
      post = spam(id, publishedAt, platformDraw < spec.weiboShare());
    } else if (platformDraw < spec.weiboShare()) {
      post = weibo(id, publishedAt);
    } else if (platformDraw < spec.weiboShare() + (1 - spec.weiboShare()) * 5 / 8) {
      post = forum(id, publishedAt);
    } else {
      post = news(id, publishedAt);
    }
    return post;
  }

  private void advanceBurst() {
    if (burstRemaining > 0) {
      burstRemaining--;
    } else if (random.nextDouble() < spec.burstChance()) {
      burstRemaining = 300 + random.nextInt(1200);
      burstStory = newStory();
      burstStory.remaining()[0] = Integer.MAX_VALUE;
    }
  }

  /** The story an original post is about, or null for chatter. */
  private Story story() {
    if (burstRemaining > 0 && random.nextBoolean()) {
      return burstStory;
    }
    if (random.nextDouble() >= STORY_SHARE) {
      return null;
    }
    double draw = random.nextDouble() * popularityTotal;
    int i = 0;
    while (i < LIVE_STORIES - 1 && draw >= popularity[i]) {
      draw -= popularity[i];
      i++;
    }
    Story s = stories[i];
    if (--s.remaining()[0] <= 0) {
      stories[i] = newStory();
    }
    return s;
  }

  /**
   * A new story whose own words (place name, person, details) no running story uses: running stories may share a
   * city, an institution or an issue, as real ones do, but each has a vocabulary of its own.
   */
  private Story newStory() {
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (Story s : stories) {
      if (s != null) {
        taken.add(s.stem());
        taken.add(s.person());
        taken.addAll(s.details());
      }
    }
    if (burstStory != null) {
      taken.add(burstStory.stem());
      taken.add(burstStory.person());
      taken.addAll(burstStory.details());
    }
    String stem = fresh(Vocabulary.PLACE_STEMS, taken);
    String person;
    do {
      String surname = pick(Vocabulary.SURNAMES);
      person = random.nextBoolean() ? surname + "某" + pick(Vocabulary.ROLES) : surname + pick(Vocabulary.GIVEN);
    } while (taken.contains(person));
    List<String> details = new ArrayList<>();
    while (details.size() < 3) {
      String d = fresh(Vocabulary.DETAILS, taken);
      taken.add(d);
      details.add(d);
    }
    int length = (int) clamp(logNormal(300, 1.0), 20, 5000);
    return new Story("s" + storyCount++, pick(Vocabulary.PROVINCES), pick(Vocabulary.CITIES), pick(Vocabulary.DISTRICTS),
        stem, stem + pick(Vocabulary.PLACE_KINDS), pick(Vocabulary.INSTITUTIONS), pick(Vocabulary.ISSUES), person,
        List.copyOf(details), new int[] {length});
  }

  /** A word of {@code words} not in {@code taken} (any word if all are taken). */
  private String fresh(List<String> words, java.util.Set<String> taken) {
    for (int attempt = 0; attempt < 64; attempt++) {
      String w = pick(words);
      if (!taken.contains(w)) {
        return w;
      }
    }
    return pick(words);
  }

  private Post weibo(String id, Instant at) {
    Post.Builder b = base(id, "weibo", "weibo.com", at).url("https://weibo.com/" + id);
    if (!recentWeibo.isEmpty() && random.nextDouble() < spec.repostShare()) {
      Labelled original = recentWeibo.get(random.nextInt(recentWeibo.size()));
      String reason = pick(Vocabulary.REPOST_REASONS) + (random.nextBoolean() ? pick(Vocabulary.EMOJI) : "");
      String text = reason + "//@" + original.post().author().name() + ":" + original.post().text();
      return remember(recentWeibo, b.text(clip(text, 2000)).parentId(original.post().id()).build(), original.label(),
          original.story());
    }
    int length = random.nextInt(10) == 0
        ? (int) clamp(logNormal(400, 0.6), 141, 2000)
        : (int) clamp(logNormal(60, 0.7), 8, 140);
    Story t = story();
    if (t == null) {
      StringBuilder s = new StringBuilder();
      chatter(s, length);
      return remember(recentWeibo, b.text(s.toString()).build(), "c-" + id, null);
    }
    StringBuilder s = new StringBuilder();
    if (random.nextInt(3) == 0) {
      s.append('#').append(t.city()).append(t.place()).append(t.issue()).append('#');
    }
    body(s, t, length);
    if (random.nextInt(4) == 0) {
      s.append(" @").append(nickname());
    }
    if (random.nextInt(3) == 0) {
      s.append(pick(Vocabulary.EMOJI));
    }
    return remember(recentWeibo, b.text(s.toString()).region(t.province()).build(), t.key(), t);
  }

  private Post forum(String id, Instant at) {
    String site = pick(Vocabulary.FORUMS);
    Post.Builder b = base(id, "forum", site, at);
    int length = (int) clamp(logNormal(220, 0.9), 10, 5000);
    if (!recentThreads.isEmpty() && random.nextDouble() < spec.replyShare()) {
      Labelled thread = recentThreads.get(random.nextInt(recentThreads.size()));
      StringBuilder s = new StringBuilder("回复楼主：");
      if (thread.story() != null && random.nextInt(3) > 0) {
        body(s, thread.story(), Math.max(10, length / 2));
      } else {
        s.append(pick(Vocabulary.REPOST_REASONS)).append('，').append(pick(Vocabulary.CHATTER_MOODS)).append('。');
      }
      lastLabel = thread.label();
      return b.site(thread.post().site()).url(thread.post().url() + "#" + id).text(s.toString())
          .parentId(thread.post().id()).build();
    }
    Story t = story();
    StringBuilder s = new StringBuilder();
    if (t == null) {
      chatter(s, length);
      String title = s.substring(0, Math.min(s.length(), 12 + random.nextInt(10)));
      return remember(recentThreads, b.url("https://" + site + "/thread/" + id).title(title).text(s.toString()).build(),
          "c-" + id, null);
    }
    body(s, t, length);
    String title = t.city() + t.place() + t.issue() + (random.nextBoolean() ? "，有没有人管？" : "");
    return remember(recentThreads, b.url("https://" + site + "/thread/" + id).title(title).text(s.toString())
        .region(t.province()).build(), t.key(), t);
  }

  private Post news(String id, Instant at) {
    String site = pick(Vocabulary.NEWS_SITES);
    Post.Builder b = base(id, "news", site, at).url("https://" + site + "/a/" + id + ".html");
    if (!recentNews.isEmpty() && random.nextDouble() < spec.reprintShare()) {
      Labelled original = recentNews.get(random.nextInt(recentNews.size()));
      Post o = original.post();
      String other = site.equals(o.site()) ? Vocabulary.NEWS_SITES.get(0).equals(site)
          ? Vocabulary.NEWS_SITES.get(1) : Vocabulary.NEWS_SITES.get(0) : site;
      lastLabel = original.label();
      return b.site(other).url("https://" + other + "/a/" + id + ".html").title(o.title())
          .text(o.text()).region(o.region()).build();
    }
    // news is about stories (chatter does not make the news)
    Story t = story();
    if (t == null) {
      t = stories[random.nextInt(LIVE_STORIES)];
    }
    int length = (int) clamp(logNormal(800, 0.5), 200, 5000);
    StringBuilder s = new StringBuilder();
    s.append(t.province()).append("讯 ").append(pick(Vocabulary.NEUTRAL)).append('，');
    body(s, t, length);
    String title = t.city() + t.place() + t.issue() + "：" + t.institution() + pick(Vocabulary.PROMISES);
    return remember(recentNews, b.title(title).text(s.toString()).region(t.province()).build(), t.key(), t);
  }

  private Post spam(String id, Instant at, boolean weibo) {
    String site = weibo ? "weibo.com" : pick(Vocabulary.FORUMS);
    StringBuilder s = new StringBuilder();
    int sentences = 1 + random.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      s.append(pick(Vocabulary.SPAM).replace("{n}", phone())).append(random.nextBoolean() ? "！" : "，");
    }
    s.append("http://t.example.cn/").append(Integer.toString(random.nextInt(1 << 24), 36));
    lastLabel = null;
    return base(id, weibo ? "weibo" : "forum", site, at)
        .url(weibo ? "https://weibo.com/" + id : "https://" + site + "/thread/" + id)
        .text(s.toString()).build();
  }

  /**
   * Sentences about {@code t} until {@code s} holds about {@code length} characters: mostly the story's own words (its
   * place, details, person), with opinion and reporting phrases shared by all posts around them.
   */
  private void body(StringBuilder s, Story t, int length) {
    double polarity = random.nextDouble();
    List<String> opinions = polarity < 0.55 ? Vocabulary.NEGATIVE
        : polarity < 0.85 ? Vocabulary.NEUTRAL : Vocabulary.POSITIVE;
    int target = s.length() + length;
    while (s.length() < target) {
      switch (random.nextInt(6)) {
        case 0 -> s.append(pick(Vocabulary.FILLER)).append(pick(Vocabulary.VERBS)).append(t.city()).append(t.district())
            .append(t.place()).append(detail(t)).append("的问题，").append(pick(opinions)).append('。');
        case 1 -> s.append(pick(Vocabulary.NEUTRAL)).append('，').append(t.place()).append(t.issue()).append('，')
            .append(pick(Vocabulary.FILLER)).append(pick(Vocabulary.VERBS)).append(t.institution()).append('。');
        case 2 -> s.append(pick(opinions)).append("！").append(t.place()).append("这边").append(detail(t)).append("已经")
            .append(1 + random.nextInt(30)).append("天了。");
        case 3 -> s.append(t.person()).append(pick(Vocabulary.VERBS)).append("：").append(detail(t)).append("和")
            .append(detail(t)).append("的事，").append(pick(Vocabulary.PROMISES)).append('。');
        case 4 -> s.append(t.institution()).append(pick(Vocabulary.VERBS)).append("，").append(t.place())
            .append(detail(t)).append(pick(Vocabulary.PROMISES)).append("，").append(pick(opinions)).append('。');
        default -> s.append(pick(Vocabulary.FILLER)).append("说").append(t.person()).append("那边").append(detail(t))
            .append("，").append(pick(opinions)).append('。');
      }
    }
    s.setLength(Math.max(1, target));
  }

  private String detail(Story t) {
    return t.details().get(random.nextInt(t.details().size()));
  }

  /** Everyday chatter of about {@code length} characters about one theme, a few of its words. */
  private void chatter(StringBuilder s, int length) {
    List<String> theme = Vocabulary.CHATTER_THEMES.get(random.nextInt(Vocabulary.CHATTER_THEMES.size()));
    int target = s.length() + Math.min(length, 600);
    do {
      switch (random.nextInt(3)) {
        case 0 -> s.append(pick(Vocabulary.CHATTER_OPENERS)).append(pick(Vocabulary.CHATTER_VERBS)).append(pick(theme))
            .append("，").append(pick(Vocabulary.CHATTER_MOODS)).append(random.nextBoolean() ? "！" : "。");
        case 1 -> s.append(pick(theme)).append("和").append(pick(theme)).append("，")
            .append(pick(Vocabulary.CHATTER_MOODS)).append(pick(Vocabulary.EMOJI));
        default -> s.append("有没有人也").append(pick(Vocabulary.CHATTER_VERBS)).append(pick(theme)).append("？")
            .append(pick(Vocabulary.CHATTER_MOODS)).append("。");
      }
    } while (s.length() < target);
  }

  private Post.Builder base(String id, String platform, String site, Instant at) {
    boolean verified = random.nextInt(20) == 0;
    long followers = (long) clamp(logNormal(300, 2.0), 0, 50_000_000);
    long views = (long) clamp(logNormal(500, 1.5), 0, 100_000_000);
    String authorName = random.nextBoolean() ? nickname() : pick(Vocabulary.SURNAMES) + pick(Vocabulary.GIVEN);
    return Post.builder().id(id).platform(platform).site(site).publishedAt(at)
        .author(new Post.Author("u" + Integer.toString(random.nextInt(1 << 20), 36), authorName, followers, verified))
        .metrics(new Post.Metrics((long) (views * random.nextDouble() * 0.02), (long) (views * random.nextDouble() * 0.03),
            (long) (views * random.nextDouble() * 0.1), views));
  }

  private Post remember(List<Labelled> recent, Post post, String label, Story story) {
    Labelled l = new Labelled(post, label, story);
    if (recent.size() < RECENT) {
      recent.add(l);
    } else {
      recent.set(random.nextInt(RECENT), l);
    }
    lastLabel = label;
    return post;
  }

  private String nickname() {
    return pick(Vocabulary.NICK_PARTS) + (random.nextBoolean() ? "_" + random.nextInt(10_000) : "");
  }

  private String phone() {
    return String.format(Locale.ROOT, "1%d%09d", 3 + random.nextInt(7), random.nextInt(1_000_000_000));
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * gaussian());
  }

  private double gaussian() {
    // Box-Muller from the seeded generator, so results do not depend on java.util.Random's internals
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
