package org.minsheng.analysis.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.minsheng.handoff.SpoolDirectoryWriter;

/**
 * Feeds {@link RecoveryPosts} into the spool one file ({@code chunk} posts) at a time, staying at most {@code backlog}
 * files ahead of what the job has indexed, as a crawler does that polls its sites. A bounded backlog bounds how far
 * apart in event time the files are that the job's two source subtasks read at once (the file source takes a
 * directory's files in listing order, not in time order), so the job's out-of-orderness allowance covers it and no
 * post is late.
 */
final class BoundedFeed {
  private final SpoolDirectoryWriter spool;
  private final int total;
  private final int chunk;
  private final int backlog;
  private int sent;

  BoundedFeed(SpoolDirectoryWriter spool, int total, int chunk, int backlog) {
    this.spool = spool;
    this.total = total;
    this.chunk = chunk;
    this.backlog = backlog;
  }

  /**
   * The recovery tests' feed: all {@link ProcessKillRecoveryITCase#POSTS} posts into the spool directory {@code dir}
   * (created), one file of {@link ProcessKillRecoveryITCase#CHUNK} posts at a time, at most 3 files ahead.
   */
  static BoundedFeed intoSpool(Path dir) throws IOException {
    SpoolDirectoryWriter spool = new SpoolDirectoryWriter(Files.createDirectories(dir), ProcessKillRecoveryITCase.CHUNK,
        Duration.ofHours(1));
    return new BoundedFeed(spool, ProcessKillRecoveryITCase.POSTS, ProcessKillRecoveryITCase.CHUNK, 3);
  }

  int sent() {
    return sent;
  }

  boolean done() {
    return sent >= total;
  }

  /** Sends the next file if the job is close enough behind ({@code indexed}: the test's posts indexed so far). */
  void offer(long indexed) throws IOException {
    if (!done() && indexed >= sent - (long) (backlog - 1) * chunk) {
      sendChunk();
    }
  }

  /** Sends the next file regardless (the job is down; the crawler carries on). */
  void sendChunk() throws IOException {
    int to = Math.min(total, sent + chunk);
    RecoveryPosts.send(spool, sent, to);
    spool.flush();
    sent = to;
  }

  /** The clock posts; call once every post is indexed. */
  void sendClock() throws IOException {
    RecoveryPosts.sendClock(spool, total);
  }
}
