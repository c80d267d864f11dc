package org.minsheng.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything the topic page shows: the topic document and aggregates over its posts.
 *
 * @param timeline volume and sentiment over time (auto-sized buckets)
 * @param spread sites in order of first appearance, with post counts (how the story was reprinted)
 * @param repostTree posts that have a parent or children inside the topic, oldest first
 * @param amplifiers accounts whose posts were reposted most (KOL)
 */
public record TopicDetail(ObjectNode topic, long postCount, List<TrendBucket> timeline, List<SiteSpread> spread,
    List<Count> regions, List<Count> sentiment, List<Count> emotion, List<Count> keywords, ObjectNode firstPost,
    List<ObjectNode> representativePosts, List<TreeNode> repostTree, List<Amplifier> amplifiers) {

  public record Count(String key, long count) {
  }

  public record SiteSpread(String site, long posts, Instant firstSeen) {
  }

  public record TreeNode(String id, String parentId, String author, long followers, String site, String title,
      String url, Instant publishedAt, long reposts) {
  }

  public record Amplifier(String author, long posts, long reposts, long followers, boolean verified) {
  }
}
