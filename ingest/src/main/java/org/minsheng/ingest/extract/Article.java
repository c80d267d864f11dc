package org.minsheng.ingest.extract;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} finds on an article page. Every field but {@code body} may be null when the page does
 * not say; {@code body} is "" when no main content was found.
 *
 * @param title the headline, with the site-name suffix stripped
 * @param body the main text, one paragraph per line
 * @param author the writer or reporter (not the portal's name)
 * @param publishedAt the publish time
 * @param source the outlet named after 来源 (the original publisher of a reprint)
 */
public record Article(String title, String body, String author, Instant publishedAt, String source) {
  public Article {
    body = body == null ? "" : body;
  }
}
