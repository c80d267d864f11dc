package org.minsheng.es;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process and all its descendants (for Elasticsearch as root: runuser → the CLI JVM → the server JVM):
 * SIGTERM to every one, then SIGKILL to whatever is still alive after a grace period.
 */
final class ProcessTree {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);

  private ProcessTree() {}

  /** Returns true when everything stopped within the grace period (false: some had to be killed). */
  static boolean stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    root.descendants().forEach(all::add);
    all.add(root);
    all.forEach(ProcessHandle::destroy);
    boolean graceful = true;
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : all) {
      long left = deadline - System.nanoTime();
      try {
        p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        graceful = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        graceful = false;
        break;
      } catch (ExecutionException e) {
        LOG.debug("waiting for pid {} failed", p.pid(), e);
      }
    }
    for (ProcessHandle p : all) {
      if (p.isAlive()) {
        LOG.warn("pid {} ({}) did not stop within {} s: killing it", p.pid(), p.info().command().orElse("?"),
            grace.toSeconds());
        p.destroyForcibly();
        graceful = false;
      }
    }
    all.stream().map(ProcessHandle::onExit).map(f -> f.completeOnTimeout(null, 10, TimeUnit.SECONDS))
        .forEach(CompletableFuture::join);
    return graceful;
  }
}
