package org.minsheng.api.query;

import java.util.List;

/** A page of documents with the total number of matches. */
public record ResultPage<T>(long total, int page, int size, List<T> items) {
}
