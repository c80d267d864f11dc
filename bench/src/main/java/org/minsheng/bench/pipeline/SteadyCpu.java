package org.minsheng.bench.pipeline;

import java.util.List;

/**
 * CPU of the job (this JVM) and of Elasticsearch over the steady part of a pipeline run: from the moment a tenth of
 * the posts are indexed (start-up and warm-up behind) to the end, divided by the posts indexed in between.
 */
final class SteadyCpu {
  private final List<ProcessHandle> elasticsearch;
  private long startPosts = -1;
  private long jobStart;
  private long esStart;
  private long posts;
  private long jobEnd = -1;
  private long esEnd = -1;

  SteadyCpu(List<ProcessHandle> elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  void startOnce(long indexed) {
    if (startPosts < 0) {
      startPosts = indexed;
      jobStart = CpuTime.millis(ProcessHandle.current());
      esStart = CpuTime.millis(elasticsearch);
    }
  }

  void end(long indexed) {
    if (startPosts >= 0) {
      posts = indexed - startPosts;
      jobEnd = CpuTime.millis(ProcessHandle.current());
      esEnd = CpuTime.millis(elasticsearch);
    }
  }

  Double jobMsPerPost() {
    return startPosts < 0 ? null : CpuTime.perItem(jobStart, jobEnd, posts);
  }

  Double elasticsearchMsPerPost() {
    return startPosts < 0 ? null : CpuTime.perItem(esStart, esEnd, posts);
  }
}
