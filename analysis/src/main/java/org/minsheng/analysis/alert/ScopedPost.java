package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.List;

/**
 * One post counted for one scope: the small projection of an analysed post the alert windows need. A Flink POJO.
 */
public class ScopedPost implements Serializable {
  private static final long serialVersionUID = 1L;

  public String scopeType;
  public String scopeKey;
  /** Event time (publishedAt) in epoch ms. */
  public long eventTime;
  public String postId;
  public String title;
  public String url;
  public String site;
  public String region;
  public boolean negative;
  /** reposts + comments + likes, where known. */
  public long interactions;
  public List<String> keywords;

  public ScopedPost() {}

  public String scopeId() {
    return ScopeType.scopeId(scopeType, scopeKey);
  }

  /** Heat of one post: 1 + ln(1 + interactions). A post counts once, interactions count with diminishing weight. */
  public double heat() {
    return 1.0 + Math.log1p(Math.max(0, interactions));
  }
}
