package org.minsheng.ingest.source;

import org.minsheng.ingest.fetch.FetchRequest;
import org.minsheng.ingest.fetch.FetchResult;
import org.minsheng.ingest.frontier.FrontierEntry;
import java.util.List;

/**
 * A configured source. Sources never do I/O themselves: they name their seed pages, say how to request a queued
 * page, and turn a fetched page into posts and further pages. Fetching (and with it all politeness) happens in
 * {@link org.minsheng.ingest.fetch.PoliteFetcher}, persistence in the crawler; so a source is tested with saved pages.
 */
public interface Source {

  SourceConfig config();

  default String name() {
    return config().name();
  }

  /** The platform written into posts (news, forum, weibo, feed). */
  String platform();

  /** The polled entry points (feeds, list pages, searches, timelines). */
  List<FrontierEntry> seeds();

  /** The HTTP request for a queued entry (headers, cookies). */
  default FetchRequest request(FrontierEntry entry) {
    return new FetchRequest(java.net.URI.create(entry.url()), config().headers(), null, null);
  }

  /** Interprets a successfully fetched page. Must not throw for malformed input: report it as skipped. */
  PageOutcome parse(FrontierEntry entry, FetchResult page);
}
