package org.minsheng.analysis.job;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.minsheng.analysis.model.AnalyzedPost;

/** Event time of a post: its {@code publishedAt} (validated non-null by the parse stage). */
public final class PublishedAtTimestamps implements SerializableTimestampAssigner<AnalyzedPost> {
  private static final long serialVersionUID = 1L;

  @Override
  public long extractTimestamp(AnalyzedPost element, long recordTimestamp) {
    return element.post.publishedAt().toEpochMilli();
  }
}
