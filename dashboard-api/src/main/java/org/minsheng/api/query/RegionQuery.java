package org.minsheng.api.query;

import java.io.IOException;
import java.util.List;

/** Per-region counts for the map and the ranking. */
public interface RegionQuery {
  List<RegionCount> regions(PostFilter filter) throws IOException;
}
