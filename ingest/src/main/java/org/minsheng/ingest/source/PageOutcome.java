package org.minsheng.ingest.source;

import java.util.List;
import org.minsheng.ingest.frontier.FrontierEntry;
import org.minsheng.post.Post;

/**
 * What a source made of one fetched page: posts to hand over, further pages to queue, reasons for anything skipped,
 * and, when the page was a block answer (captcha, login wall, anti-crawl page), the reason.
 */
public record PageOutcome(List<Post> posts, List<FrontierEntry> links, List<String> skipped, String blockedReason) {

  public PageOutcome {
    posts = List.copyOf(posts);
    links = List.copyOf(links);
    skipped = List.copyOf(skipped);
  }

  public static PageOutcome of(List<Post> posts, List<FrontierEntry> links) {
    return new PageOutcome(posts, links, List.of(), null);
  }

  public static PageOutcome blocked(String reason) {
    return new PageOutcome(List.of(), List.of(), List.of(), reason);
  }

  public static PageOutcome skipped(String reason) {
    return new PageOutcome(List.of(), List.of(), List.of(reason), null);
  }

  public boolean isBlocked() {
    return blockedReason != null;
  }
}
