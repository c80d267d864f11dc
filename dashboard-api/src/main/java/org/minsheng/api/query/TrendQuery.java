package org.minsheng.api.query;

import java.io.IOException;
import java.util.List;

/** Volume and sentiment series over posts. */
public interface TrendQuery {
  /** One series per compared expression (or one series when none), in request order. */
  List<TrendSeries> trends(TrendRequest request) throws IOException;
}
