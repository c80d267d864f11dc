package org.minsheng.ingest.source;

import java.net.URI;
import org.minsheng.ingest.frontier.FrontierEntry;

/**
 * What every configured source shares: its {@link SourceConfig}, the platform it writes into posts, the page number
 * its paginated entries carry and the site a post is credited to. The news, forum and Weibo sources extend it, so that
 * these answers are given in one place.
 */
public abstract class ConfiguredSource implements Source {
  /** The source's entry in the crawl configuration. */
  protected final SourceConfig config;
  private final String platform;

  protected ConfiguredSource(SourceConfig config, String platform) {
    this.config = config;
    this.platform = platform;
  }

  @Override
  public final SourceConfig config() {
    return config;
  }

  @Override
  public final String platform() {
    return platform;
  }

  /** The page number a paginated entry carries in its {@code page} attribute (1 when it has none). */
  protected static int pageNumber(FrontierEntry entry) {
    return Integer.parseInt(entry.attrs().getOrDefault("page", "1"));
  }

  /** The site a post from {@code page} is credited to: the configured {@code site}, else the page's host. */
  protected final String site(URI page) {
    return config.site() != null ? config.site() : page.getHost();
  }
}
