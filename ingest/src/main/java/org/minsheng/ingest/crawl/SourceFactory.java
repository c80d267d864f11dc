package org.minsheng.ingest.crawl;

import java.time.Clock;
import java.util.Map;
import org.minsheng.ingest.forum.ForumSource;
import org.minsheng.ingest.news.NewsSource;
import org.minsheng.ingest.source.Source;
import org.minsheng.ingest.source.SourceConfig;
import org.minsheng.ingest.weibo.WeiboSource;

/** Builds the {@link Source} for a configured type. */
public final class SourceFactory {
  private SourceFactory() {}

  public static Source create(SourceConfig config, Map<String, String> env, Clock clock, Extraction extraction) {
    return switch (config.type()) {
      case "rss", "sitemap", "list" -> new NewsSource(config, clock, extraction);
      case "discuz", "tieba" -> new ForumSource(config, clock, extraction);
      case "weibo" -> new WeiboSource(config, env, clock, extraction);
      default -> throw new IllegalArgumentException("unknown source type " + config.type());
    };
  }
}
