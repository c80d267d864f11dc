package org.minsheng.api.query;

import java.time.Instant;
import java.util.List;

/**
 * One search result. {@code titleHighlight} / {@code textHighlights} are HTML-escaped by Elasticsearch with matches in
 * {@code <mark>}; {@code snippet} is plain text.
 */
public record SearchHit(String id, String title, String url, String site, String platform, String region,
    String author, Instant publishedAt, String sentiment, Double sentimentScore, String topicId, String snippet,
    String titleHighlight, List<String> textHighlights, double score) {
}
