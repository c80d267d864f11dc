package org.minsheng.bench.latency;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.minsheng.post.Post;

/**
 * Makes a topic-scoped alert fire at a known time during a latency run: at 5 % of the run one post is replaced by
 * the root of a new story (text found nowhere in the corpus, so it opens its own topic), and from then on, for
 * {@value #MAX_SECONDS} s at most (three quarters of the run if shorter), {@code burstRate} posts a second get the
 * story's text as reposts of it ({@code parentId} = the root: the topic stage puts a repost in its parent's topic),
 * keeping their own platform, site and region. The topic is new, so its spread rule fires in the first window in which
 * it reaches 4 regions or 5 sites, and its burst rule once two windows hold ≥ 8 of its posts (a burst of ≥ 45 s at
 * 2 posts/s fills one whole window and ≥ 15 s of a neighbour, whatever the alignment).
 * Topic alert latency = when the first topic alert citing a story post is seen − spool write of the root.
 */
final class TopicBurst implements Iterator<Post> {
  static final double MAX_SECONDS = 90;
  /** Words the corpus never uses (Vocabulary), so the root shares no term with a running topic and opens its own. */
  static final String STORY = "验警话题：蔺家坳鹤鸣厂爆燃，浓烟蔽日，消防救援支队紧急疏散，硝烟弥漫，爆炸声震碎玻璃，伤者送医。";

  private final Iterator<Post> posts;
  private final long first;
  private final long last;
  private final long step;
  private long index;
  private Post root;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private volatile String rootId;

  /**
   * @param total posts the run will write
   * @param rate posts per second of the run
   * @param burstRate story posts per second during the burst; 0 = no burst
   */
  TopicBurst(Iterator<Post> posts, long total, double rate, double burstRate) {
    this.posts = posts;
    this.first = burstRate > 0 ? (long) Math.floor(0.05 * total) : Long.MAX_VALUE;
    this.last = first + (long) Math.min(0.75 * total, MAX_SECONDS * rate);
    this.step = burstRate > 0 ? Math.max(1, Math.round(rate / burstRate)) : Long.MAX_VALUE;
  }

  /** Ids of the story's posts (root and reposts) written so far. */
  Set<String> ids() {
    return ids;
  }

  /** Id of the story's root post, null before it is written. */
  String rootId() {
    return rootId;
  }

  @Override
  public boolean hasNext() {
    return posts.hasNext();
  }

  @Override
  public Post next() {
    Post p = posts.next();
    long i = index++;
    if (i < first || i > last || (i - first) % step != 0) {
      return p;
    }
    if (root == null) {
      root = p.toBuilder().platform("weibo").site("weibo.com").url("https://weibo.com/" + p.id()).title(null)
          .text(STORY).parentId(null).build();
      ids.add(root.id());
      rootId = root.id();
      return root;
    }
    String author = root.author() == null ? "网友" : root.author().name();
    Post repost = p.toBuilder().text("转发扩散，大家注意安全 " + i + "//@" + author + ":" + STORY).parentId(root.id()).build();
    ids.add(repost.id());
    return repost;
  }
}
