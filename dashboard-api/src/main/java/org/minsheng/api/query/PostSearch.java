package org.minsheng.api.query;

import java.io.IOException;

/** Full-text search over posts. */
public interface PostSearch {
  ResultPage<SearchHit> search(SearchRequest request) throws IOException;
}
