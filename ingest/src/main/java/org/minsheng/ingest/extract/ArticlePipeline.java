package org.minsheng.ingest.extract;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.minsheng.ingest.charset.DecodedHtml;
import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.clean.CleaningChain;

/**
 * Bytes of a fetched article page → a cleaned {@link Article}: {@link HtmlDecoder} → {@link ArticleExtractor} →
 * {@link CleaningChain} on the body and the title. A convenience for the crawler; each step stays usable on its own.
 * Thread-safe; build one per worker (the chain loads conversion tables and a segmenter).
 */
public final class ArticlePipeline {
  private final HtmlDecoder decoder;
  private final ArticleExtractor extractor;
  private final CleaningChain chain;

  public ArticlePipeline(HtmlDecoder decoder, ArticleExtractor extractor, CleaningChain chain) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /** Everything from {@code minsheng-extract-defaults.yaml}, overridden by {@code userFile} (may be null). */
  public static ArticlePipeline fromConfig(Path userFile, Clock clock) {
    return new ArticlePipeline(new HtmlDecoder(), ArticleExtractor.fromConfig(userFile, clock),
        CleaningChain.fromConfig(userFile));
  }

  /**
   * @param body the response body
   * @param contentType the {@code Content-Type} header, may be null
   * @param url the page URL (selects per-site selectors), may be null
   */
  public Article process(byte[] body, String contentType, String url) {
    DecodedHtml html = decoder.decode(body, contentType);
    Article a = extractor.extract(html.html(), url);
    String title = a.title() == null ? null : chain.clean(a.title()).strip();
    return new Article(title == null || title.isEmpty() ? a.title() : title, chain.clean(a.body()), a.author(),
        a.publishedAt(), a.source());
  }
}
