package org.minsheng.api.query;

import java.util.Optional;

/** Filters shared by trend, region and search queries over posts. Empty optionals mean "any". */
public record PostFilter(TimeWindow window, Optional<KeywordExpression> keywords, Optional<String> topicId,
    Optional<String> site, Optional<String> platform, Optional<String> region, Optional<String> sentiment) {

  public static PostFilter of(TimeWindow window) {
    return new PostFilter(window, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public PostFilter withKeywords(KeywordExpression expression) {
    return new PostFilter(window, Optional.ofNullable(expression), topicId, site, platform, region, sentiment);
  }
}
