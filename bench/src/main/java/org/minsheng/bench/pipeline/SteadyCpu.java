package org.minsheng.bench.pipeline;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU of the job (this JVM) and of Elasticsearch over the steady part of a pipeline run: from the moment a tenth of
 * the posts are indexed (start-up and warm-up behind) to the end, divided by the posts indexed in between.
 *
 * <p>The job's figure includes the JIT compiler's threads and the garbage collector. In a short run on a loaded
 * machine the compiler is still busy long after start-up, so its time ({@code CompilationMXBean}) and the collectors'
 * ({@code GarbageCollectorMXBean}, pause and concurrent time as the JVM reports it) are given separately.
 */
final class SteadyCpu {
  private final List<ProcessHandle> elasticsearch;
  private long startPosts = -1;
  private long jobStart;
  private long esStart;
  private long posts;
  private long jobEnd = -1;
  private long esEnd = -1;
  private long jitStart;
  private long jitEnd;
  private long gcStart;
  private long gcEnd;

  SteadyCpu(List<ProcessHandle> elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  void startOnce(long indexed) {
    if (startPosts < 0) {
      startPosts = indexed;
      jobStart = CpuTime.millis(ProcessHandle.current());
      esStart = CpuTime.millis(elasticsearch);
      jitStart = jitMillis();
      gcStart = gcMillis();
    }
  }

  void end(long indexed) {
    if (startPosts >= 0) {
      posts = indexed - startPosts;
      jobEnd = CpuTime.millis(ProcessHandle.current());
      esEnd = CpuTime.millis(elasticsearch);
      jitEnd = jitMillis();
      gcEnd = gcMillis();
    }
  }

  Double jitMsPerPost() {
    return startPosts < 0 || jitStart < 0 ? null : CpuTime.perItem(jitStart, jitEnd, posts);
  }

  Double gcMsPerPost() {
    return startPosts < 0 ? null : CpuTime.perItem(gcStart, gcEnd, posts);
  }

  private static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  Double jobMsPerPost() {
    return startPosts < 0 ? null : CpuTime.perItem(jobStart, jobEnd, posts);
  }

  Double elasticsearchMsPerPost() {
    return startPosts < 0 ? null : CpuTime.perItem(esStart, esEnd, posts);
  }
}
