package org.minsheng.api.query;

/** A full-text search: filters (whose keyword expression is the search text), sort order and page. */
public record SearchRequest(PostFilter filter, boolean newestFirst, int offset, int size) {
}
