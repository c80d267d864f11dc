package org.minsheng.bench.corpus;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;

/**
 * Writes posts into a spool directory through ingest's {@link SpoolDirectoryWriter}, either as fast as possible or at a
 * steady rate. Each post's {@code fetchedAt} is set to the moment it is handed to the writer, so a reader can measure
 * latency from the spool on; with {@code stampPublishedAt} its {@code publishedAt} becomes the same instant (live
 * traffic rather than a back-dated corpus).
 */
public final class SpoolFeeder {
  private final SpoolDirectoryWriter writer;
  private final Clock clock;
  private final boolean stampPublishedAt;
  private final Consumer<Post> onSent;

  public SpoolFeeder(SpoolDirectoryWriter writer, Clock clock, boolean stampPublishedAt) {
    this(writer, clock, stampPublishedAt, p -> { });
  }

  /** @param onSent told of each post (as stamped) right after the writer took it */
  public SpoolFeeder(SpoolDirectoryWriter writer, Clock clock, boolean stampPublishedAt, Consumer<Post> onSent) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stampPublishedAt = stampPublishedAt;
    this.onSent = Objects.requireNonNull(onSent, "onSent");
  }

  /** Writes {@code count} posts from {@code posts} as fast as the writer takes them, then flushes. */
  public long writeAll(Iterator<Post> posts, long count) throws IOException {
    long written = 0;
    while (written < count && posts.hasNext()) {
      send(posts.next());
      written++;
    }
    writer.flush();
    return written;
  }

  /**
   * Writes posts at {@code perSecond} for {@code seconds}, publishing a file every {@code flushEveryMillis} (so a
   * post waits at most that long in the writer's hidden temporary file). Returns the number written.
   */
  public long writeAtRate(Iterator<Post> posts, double perSecond, double seconds, long flushEveryMillis)
      throws IOException {
    long total = (long) Math.floor(perSecond * seconds);
    long startNanos = System.nanoTime();
    long lastFlush = startNanos;
    long written = 0;
    while (written < total && posts.hasNext()) {
      long due = startNanos + (long) (written * 1e9 / perSecond);
      long now = System.nanoTime();
      if (due > now) {
        if (now - lastFlush >= flushEveryMillis * 1_000_000L) {
          writer.flush();
          lastFlush = System.nanoTime();
          continue;
        }
        LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
        continue;
      }
      send(posts.next());
      written++;
      if (System.nanoTime() - lastFlush >= flushEveryMillis * 1_000_000L) {
        writer.flush();
        lastFlush = System.nanoTime();
      }
    }
    writer.flush();
    return written;
  }

  private void send(Post post) throws IOException {
    Post stamped = stamp(post);
    writer.send(stamped);
    onSent.accept(stamped);
  }

  private Post stamp(Post post) {
    Instant now = clock.instant();
    Post.Builder b = post.toBuilder().fetchedAt(now);
    if (stampPublishedAt) {
      b.publishedAt(now);
    }
    return b.build();
  }
}
