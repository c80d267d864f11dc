package org.minsheng.analysis.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.post.Post;

/** Hand-made analysed posts: tokens given as space-separated words, "word/pos" to set a tag (default n). */
public final class TestPosts {
  public static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private TestPosts() {}

  public static AnalyzedPost post(String id, int minute, String site, String words) {
    return post(id, minute, site, words, null);
  }

  public static AnalyzedPost post(String id, int minute, String site, String words, String parentId) {
    Post p = Post.builder().id(id).platform("news").site(site).url("https://" + site + "/" + id)
        .title(null).text(words.replace(" ", "").replaceAll("/[a-z]+", ""))
        .publishedAt(T0.plusSeconds(60L * minute)).fetchedAt(T0.plusSeconds(60L * minute + 5))
        .region("湖北").parentId(parentId)
        .metrics(new Post.Metrics(3L, 2L, 10L, null))
        .author(new Post.Author("a-" + id, "author", 1000L, false))
        .build();
    AnalyzedPost a = new AnalyzedPost(p);
    a.normalisedText = p.text();
    a.tokens = new ArrayList<>();
    a.pos = new ArrayList<>();
    for (String w : Arrays.asList(words.split(" "))) {
      int slash = w.indexOf('/');
      a.tokens.add(slash < 0 ? w : w.substring(0, slash));
      a.pos.add(slash < 0 ? "n" : w.substring(slash + 1));
    }
    a.sentimentLabel = "negative";
    return a;
  }

  public static long millis(int minute) {
    return T0.plusSeconds(60L * minute).toEpochMilli();
  }

  public static List<String> ids(List<AnalyzedPost> posts) {
    List<String> out = new ArrayList<>();
    posts.forEach(p -> out.add(p.id()));
    return out;
  }
}
