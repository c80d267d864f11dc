package org.minsheng.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** Crawl health per source ({@code minsheng-sources}). */
public interface SourceQuery {
  List<ObjectNode> sources() throws IOException;
}
