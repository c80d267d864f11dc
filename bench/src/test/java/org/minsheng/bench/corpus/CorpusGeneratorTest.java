package org.minsheng.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.minsheng.post.PostValidator;

class CorpusGeneratorTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final int N = 5000;

  private static List<Post> posts(long seed) {
    return CorpusGenerator.generate(CorpusSpec.defaults(seed, START, 50), N);
  }

  @Test
  void sameSeedSamePostsOtherSeedOtherPosts() {
    PostCodec codec = new PostCodec();
    List<String> a = posts(7).stream().map(codec::encode).toList();
    List<String> b = posts(7).stream().map(codec::encode).toList();
    List<String> c = posts(8).stream().map(codec::encode).toList();
    assertEquals(a, b);
    assertNotEquals(a.get(0), c.get(0));
  }

  @Test
  void everyPostIsValidWithUniqueIdsAndOrderedTimes() throws Exception {
    PostValidator validator = new PostValidator(Clock.fixed(START.plus(Duration.ofDays(10)), ZoneOffset.UTC));
    Set<String> ids = new HashSet<>();
    Instant previous = Instant.MIN;
    for (Post p : posts(1)) {
      validator.validate(p);
      assertTrue(ids.add(p.id()), "duplicate id " + p.id());
      assertTrue(!p.publishedAt().isBefore(previous), "publishedAt goes backwards at " + p.id());
      previous = p.publishedAt();
      assertTrue(p.text().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
          "no Chinese in " + p.id());
    }
  }

  @Test
  void mixOfPlatformsLengthsRepostsRepliesReprintsAndSpam() {
    List<Post> posts = posts(3);
    Map<String, List<Post>> byPlatform = posts.stream().collect(Collectors.groupingBy(Post::platform));
    share(byPlatform.get("weibo").size(), 0.55, 0.65);
    share(byPlatform.get("forum").size(), 0.20, 0.30);
    share(byPlatform.get("news").size(), 0.11, 0.19);

    double[] weiboLengths = lengths(byPlatform.get("weibo").stream().filter(p -> p.parentId() == null));
    double[] forumLengths = lengths(byPlatform.get("forum").stream().filter(p -> p.title() != null));
    double[] newsLengths = lengths(byPlatform.get("news").stream());
    assertTrue(median(weiboLengths) < 140 && median(weiboLengths) > 30, "weibo median " + median(weiboLengths));
    assertTrue(Arrays.stream(weiboLengths).filter(l -> l > 140).count() > 0, "some long weibo posts");
    assertTrue(median(forumLengths) > 120 && median(forumLengths) < 400, "forum median " + median(forumLengths));
    assertTrue(median(newsLengths) > 500, "news median " + median(newsLengths));

    Map<String, Post> byId = new HashMap<>();
    posts.forEach(p -> byId.put(p.id(), p));
    long reposts = posts.stream().filter(p -> p.platform().equals("weibo") && p.parentId() != null).count();
    long replies = posts.stream().filter(p -> p.platform().equals("forum") && p.parentId() != null).count();
    assertTrue(reposts > N * 0.08 && replies > N * 0.05, reposts + " reposts, " + replies + " replies");
    posts.stream().filter(p -> p.parentId() != null).forEach(p -> {
      Post parent = byId.get(p.parentId());
      assertTrue(parent != null && parent.publishedAt().isBefore(p.publishedAt().plusMillis(1)), "parent of " + p.id());
    });

    Map<String, Set<String>> sitesByNewsText = new HashMap<>();
    byPlatform.get("news").forEach(p -> sitesByNewsText.computeIfAbsent(p.text(), t -> new HashSet<>()).add(p.site()));
    assertTrue(sitesByNewsText.values().stream().anyMatch(s -> s.size() > 1), "a news article reprinted on another site");

    long spam = posts.stream().filter(p -> p.text().contains("http://t.example.cn/")).count();
    share(spam, 0.03, 0.07);
  }

  @Test
  void storiesHaveWordsOfTheirOwnAndLabelsFollowRepostsRepliesAndReprints() {
    CorpusGenerator g = new CorpusGenerator(CorpusSpec.defaults(4, START, 50));
    Map<String, String> labelOf = new HashMap<>();
    Map<String, List<Post>> byLabel = new HashMap<>();
    int chatter = 0;
    int spam = 0;
    for (int i = 0; i < N; i++) {
      Post p = g.next();
      String label = g.lastLabel();
      labelOf.put(p.id(), label);
      if (label == null) {
        assertTrue(p.text().contains("http://t.example.cn/"), "unlabelled but not spam: " + p.text());
        spam++;
        continue;
      }
      if (p.parentId() != null) {
        assertEquals(labelOf.get(p.parentId()), label, "a repost or reply is about its parent's subject");
      }
      if (label.startsWith("c-")) {
        chatter++;
      }
      byLabel.computeIfAbsent(label, k -> new java.util.ArrayList<>()).add(p);
    }
    share(chatter, 0.15, 0.45);
    assertTrue(spam > 0);
    // many stories, a few big ones: the largest holds well under half of the story posts
    List<Integer> sizes = byLabel.entrySet().stream().filter(e -> e.getKey().startsWith("s"))
        .map(e -> e.getValue().size()).sorted(java.util.Comparator.reverseOrder()).toList();
    int storyPosts = sizes.stream().mapToInt(Integer::intValue).sum();
    assertTrue(sizes.size() >= 40, sizes.size() + " stories");
    assertTrue(sizes.get(0) < 0.3 * storyPosts, "largest story " + sizes.get(0) + " of " + storyPosts);
    // two big stories share none of their most frequent two-character-plus words beyond the common stock
    Set<String> a = words(byLabel, "s0");
    Set<String> b = words(byLabel, "s1");
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    assertTrue(common.size() < 0.5 * Math.min(a.size(), b.size()), "stories s0 and s1 share " + common);
  }

  /** The 40 most frequent 3-character substrings of a story's posts (a rough stand-in for its words). */
  private static Set<String> words(Map<String, List<Post>> byLabel, String label) {
    Map<String, Integer> counts = new HashMap<>();
    for (Post p : byLabel.get(label)) {
      String t = p.text();
      for (int i = 0; i + 3 <= t.length(); i++) {
        String w = t.substring(i, i + 3);
        if (w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(40)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  @Test
  void burstsRaiseThePublishingRate() {
    CorpusSpec d = CorpusSpec.defaults(11, START, 2);
    CorpusSpec frequentBursts = new CorpusSpec(d.seed(), d.start(), d.postsPerSecond(), d.weiboShare(), d.repostShare(),
        d.replyShare(), d.reprintShare(), d.spamShare(), 1.0 / 1000);
    List<Post> posts = CorpusGenerator.generate(frequentBursts, N);
    // busiest minute of publishing time against the median minute
    Map<Long, Long> perMinute = posts.stream()
        .collect(Collectors.groupingBy(p -> p.publishedAt().getEpochSecond() / 60, Collectors.counting()));
    long[] counts = perMinute.values().stream().mapToLong(Long::longValue).sorted().toArray();
    assertTrue(counts[counts.length - 1] > 3 * counts[counts.length / 2],
        "busiest minute " + counts[counts.length - 1] + " vs median " + counts[counts.length / 2]);
  }

  @Test
  void feederStampsFetchedAtAndReplayReadsTheSpoolBack(@TempDir Path dir) throws IOException {
    Instant now = Instant.parse("2026-11-20T08:00:00Z");
    SpoolDirectoryWriter writer = new SpoolDirectoryWriter(dir, 100, Duration.ofSeconds(5), Clock.systemUTC());
    long written = new SpoolFeeder(writer, Clock.fixed(now, ZoneOffset.UTC), true)
        .writeAll(new CorpusGenerator(CorpusSpec.defaults(5, START, 50)), 250);
    assertEquals(250, written);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("posts-")).sorted().toList();
    }
    assertEquals(3, files.size());
    List<Post> back = files.stream().flatMap(f -> NdjsonPosts.read(f, 1000).stream()).toList();
    assertEquals(250, back.size());
    assertTrue(back.stream().allMatch(p -> now.equals(p.fetchedAt()) && now.equals(p.publishedAt())));
  }

  private static void share(long count, double lo, double hi) {
    double share = (double) count / N;
    assertTrue(share >= lo && share <= hi, "share " + share + " not in [" + lo + ", " + hi + "]");
  }

  private static double[] lengths(Stream<Post> posts) {
    return posts.mapToDouble(p -> p.text().length()).sorted().toArray();
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
