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
 *   <li>Structure: Weibo reposts ({@code 转发理由//@原作者: 原文}, {@code parentId} = the reposted post), forum replies
 *       ({@code parentId} = the thread), news reprints on another site (same title and text, new id and URL).</li>
 *   <li>Bursts: now and then one event (place + issue) takes half of the posts for a few hundred to 1,500 posts, and
 *       the publishing rate rises eightfold.</li>
 *   <li>Spam: advertising posts with contact numbers and links.</li>
 * </ul>
 *
 * Not thread-safe.
 */
public final class CorpusGenerator implements Iterator<Post> {
  private static final int RECENT = 256;
  private static final double BURST_RATE_FACTOR = 8.0;

  private final CorpusSpec spec;
  private final SplittableRandom random;
  private final String idPrefix;
  private final List<Post> recentWeibo = new ArrayList<>();
  private final List<Post> recentThreads = new ArrayList<>();
  private final List<Post> recentNews = new ArrayList<>();
  private long count;
  private double clockMillis;
  private int burstRemaining;
  private Topic burstTopic;

  /** One event: where, who is concerned and what happened. */
  private record Topic(String province, String city, String district, String institution, String issue) {
    String place() {
      return city + district;
    }
  }

  public CorpusGenerator(CorpusSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.random = new SplittableRandom(spec.seed());
    this.idPrefix = "b" + Long.toString(spec.seed(), 36) + "-";
    this.clockMillis = spec.start().toEpochMilli();
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
      burstTopic = randomTopic();
    }
  }

  private Topic topic() {
    return burstRemaining > 0 && random.nextBoolean() ? burstTopic : randomTopic();
  }

  private Topic randomTopic() {
    return new Topic(pick(Vocabulary.PROVINCES), pick(Vocabulary.CITIES), pick(Vocabulary.DISTRICTS),
        pick(Vocabulary.INSTITUTIONS), pick(Vocabulary.ISSUES));
  }

  private Post weibo(String id, Instant at) {
    Post.Builder b = base(id, "weibo", "weibo.com", at).url("https://weibo.com/" + id);
    if (!recentWeibo.isEmpty() && random.nextDouble() < spec.repostShare()) {
      Post original = recentWeibo.get(random.nextInt(recentWeibo.size()));
      String reason = pick(Vocabulary.REPOST_REASONS) + (random.nextBoolean() ? pick(Vocabulary.EMOJI) : "");
      String text = reason + "//@" + original.author().name() + ":" + original.text();
      return remember(recentWeibo, b.text(clip(text, 2000)).parentId(original.id()).build());
    }
    int length = random.nextInt(10) == 0
        ? (int) clamp(logNormal(400, 0.6), 141, 2000)
        : (int) clamp(logNormal(60, 0.7), 8, 140);
    Topic t = topic();
    StringBuilder s = new StringBuilder();
    if (random.nextInt(3) == 0) {
      s.append('#').append(t.city()).append(t.issue()).append('#');
    }
    body(s, t, length);
    if (random.nextInt(4) == 0) {
      s.append(" @").append(nickname());
    }
    if (random.nextInt(3) == 0) {
      s.append(pick(Vocabulary.EMOJI));
    }
    return remember(recentWeibo, b.text(s.toString()).region(t.province()).build());
  }

  private Post forum(String id, Instant at) {
    String site = pick(Vocabulary.FORUMS);
    Post.Builder b = base(id, "forum", site, at);
    Topic t = topic();
    int length = (int) clamp(logNormal(220, 0.9), 10, 5000);
    StringBuilder s = new StringBuilder();
    body(s, t, length);
    if (!recentThreads.isEmpty() && random.nextDouble() < spec.replyShare()) {
      Post thread = recentThreads.get(random.nextInt(recentThreads.size()));
      return b.site(thread.site()).url(thread.url() + "#" + id).text("回复楼主：" + s).parentId(thread.id()).build();
    }
    String title = t.city() + t.issue() + (random.nextBoolean() ? "，有没有人管？" : "");
    return remember(recentThreads, b.url("https://" + site + "/thread/" + id).title(title).text(s.toString())
        .region(t.province()).build());
  }

  private Post news(String id, Instant at) {
    String site = pick(Vocabulary.NEWS_SITES);
    Post.Builder b = base(id, "news", site, at).url("https://" + site + "/a/" + id + ".html");
    if (!recentNews.isEmpty() && random.nextDouble() < spec.reprintShare()) {
      Post original = recentNews.get(random.nextInt(recentNews.size()));
      String other = site.equals(original.site()) ? Vocabulary.NEWS_SITES.get(0).equals(site)
          ? Vocabulary.NEWS_SITES.get(1) : Vocabulary.NEWS_SITES.get(0) : site;
      return b.site(other).url("https://" + other + "/a/" + id + ".html").title(original.title())
          .text(original.text()).region(original.region()).build();
    }
    Topic t = topic();
    int length = (int) clamp(logNormal(800, 0.5), 200, 5000);
    StringBuilder s = new StringBuilder();
    s.append(t.province()).append("讯 ").append(pick(Vocabulary.NEUTRAL)).append('，');
    body(s, t, length);
    String title = t.city() + t.institution() + "回应" + t.issue();
    return remember(recentNews, b.title(title).text(s.toString()).region(t.province()).build());
  }

  private Post spam(String id, Instant at, boolean weibo) {
    String site = weibo ? "weibo.com" : pick(Vocabulary.FORUMS);
    StringBuilder s = new StringBuilder();
    int sentences = 1 + random.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      s.append(pick(Vocabulary.SPAM).replace("{n}", phone())).append(random.nextBoolean() ? "！" : "，");
    }
    s.append("http://t.example.cn/").append(Integer.toString(random.nextInt(1 << 24), 36));
    return base(id, weibo ? "weibo" : "forum", site, at)
        .url(weibo ? "https://weibo.com/" + id : "https://" + site + "/thread/" + id)
        .text(s.toString()).build();
  }

  /** Sentences about {@code t} until {@code s} holds about {@code length} characters. */
  private void body(StringBuilder s, Topic t, int length) {
    double polarity = random.nextDouble();
    List<String> opinions = polarity < 0.55 ? Vocabulary.NEGATIVE
        : polarity < 0.85 ? Vocabulary.NEUTRAL : Vocabulary.POSITIVE;
    int target = s.length() + length;
    while (s.length() < target) {
      switch (random.nextInt(4)) {
        case 0 -> s.append(pick(Vocabulary.FILLER)).append(pick(Vocabulary.VERBS)).append(t.place())
            .append(t.institution()).append(t.issue()).append("的问题，").append(pick(opinions)).append('。');
        case 1 -> s.append(pick(Vocabulary.NEUTRAL)).append('，').append(t.city()).append(t.issue()).append('，')
            .append(pick(Vocabulary.FILLER)).append(pick(Vocabulary.VERBS)).append(t.institution()).append('。');
        case 2 -> s.append(pick(opinions)).append("！").append(pick(Vocabulary.FILLER)).append("说")
            .append(1 + random.nextInt(30)).append("天了还是").append(pick(Vocabulary.ISSUES)).append('。');
        default -> s.append(t.institution()).append(pick(Vocabulary.VERBS)).append("：将尽快")
            .append(random.nextBoolean() ? "核实处理" : "整改到位").append("，").append(pick(opinions)).append('。');
      }
    }
    s.setLength(Math.max(1, target));
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

  private Post remember(List<Post> recent, Post post) {
    if (recent.size() < RECENT) {
      recent.add(post);
    } else {
      recent.set(random.nextInt(RECENT), post);
    }
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
