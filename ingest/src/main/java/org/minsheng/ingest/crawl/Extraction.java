package org.minsheng.ingest.crawl;

import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.clean.CleaningChain;
import org.minsheng.ingest.extract.ArticleExtractor;
import org.minsheng.ingest.time.ChineseDateParser;

/**
 * The extraction chain the sources use, wired once per crawler and passed in (no static state): charset decoding,
 * article extraction, text cleaning and Chinese date parsing (docs/EXTRACTION.md).
 */
public record Extraction(HtmlDecoder decoder, ArticleExtractor extractor, CleaningChain cleaner, ChineseDateParser dates) {

  /** The documented defaults of each part. */
  public static Extraction defaults() {
    return new Extraction(new HtmlDecoder(), new ArticleExtractor(), CleaningChain.fromDefaults(), new ChineseDateParser());
  }
}
