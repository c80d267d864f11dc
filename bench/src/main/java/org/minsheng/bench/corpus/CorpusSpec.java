package org.minsheng.bench.corpus;

import java.time.Instant;
import java.util.Objects;

/**
 * What the {@link CorpusGenerator} produces. The same spec always yields the same posts.
 *
 * @param seed random seed
 * @param start {@code publishedAt} of the first post
 * @param postsPerSecond publishing rate outside bursts (spacing of {@code publishedAt}); bursts multiply it
 * @param weiboShare share of Weibo posts; the rest splits 5:3 between forum and news posts
 * @param repostShare share of Weibo posts that repost a recent Weibo post ({@code parentId} set)
 * @param replyShare share of forum posts that reply to a recent forum thread ({@code parentId} set)
 * @param reprintShare share of news posts that reprint a recent article of another site (same title and text)
 * @param spamShare share of posts that are advertising spam
 * @param burstChance per post, the chance that a burst about one event starts (when none is running)
 */
public record CorpusSpec(
    long seed,
    Instant start,
    double postsPerSecond,
    double weiboShare,
    double repostShare,
    double replyShare,
    double reprintShare,
    double spamShare,
    double burstChance) {

  public CorpusSpec {
    Objects.requireNonNull(start, "start");
    if (!(postsPerSecond > 0)) {
      throw new IllegalArgumentException("postsPerSecond must be positive, was " + postsPerSecond);
    }
    for (double share : new double[] {weiboShare, repostShare, replyShare, reprintShare, spamShare, burstChance}) {
      if (share < 0 || share > 1) {
        throw new IllegalArgumentException("shares and chances must be within [0, 1], was " + share);
      }
    }
  }

  /**
   * The default mix: 60 % Weibo (25 % of them reposts), 25 % forum (35 % replies), 15 % news (20 % reprints), 5 %
   * spam, a burst every ~3,000 posts on average.
   */
  public static CorpusSpec defaults(long seed, Instant start, double postsPerSecond) {
    return new CorpusSpec(seed, start, postsPerSecond, 0.60, 0.25, 0.35, 0.20, 0.05, 1.0 / 3000);
  }
}
