package org.minsheng.handoff;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes posts as NDJSON files into a spool directory, atomically: lines go to a temporary file in the hidden
 * sub-directory {@code .inprogress/} (Flink's FileSource skips names with a leading dot and does not descend into
 * them) which is fsynced and renamed to {@code posts-<utc time>-<writer>-<seq>.ndjson} in the spool directory when it
 * reaches {@code maxPostsPerFile}, when it is older than {@code maxFileAge} at the next send, or on {@link #flush()}. A
 * reader therefore never sees a partial file, and a directory listing never races with a rename of a file it listed.
 *
 * <p>Not thread-safe: one writer per crawler thread or guard it externally.
 */
public final class SpoolDirectoryWriter implements PostHandOff {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectoryWriter.class);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Sub-directory of the spool directory that holds files being written. */
  public static final String IN_PROGRESS = ".inprogress";

  private final Path directory;
  private final Path inProgress;
  private final int maxPostsPerFile;
  private final Duration maxFileAge;
  private final Clock clock;
  private final PostCodec codec = new PostCodec();
  private final String writerId = UUID.randomUUID().toString().substring(0, 8);

  private long sequence;
  private Path tempFile;
  private FileChannel channel;
  private BufferedWriter writer;
  private int postsInFile;
  private Instant fileOpenedAt;
  private long filesPublished;
  private long postsPublished;

  public SpoolDirectoryWriter(Path directory, int maxPostsPerFile, Duration maxFileAge) throws IOException {
    this(directory, maxPostsPerFile, maxFileAge, Clock.systemUTC());
  }

  public SpoolDirectoryWriter(Path directory, int maxPostsPerFile, Duration maxFileAge, Clock clock) throws IOException {
    if (maxPostsPerFile < 1) {
      throw new IllegalArgumentException("maxPostsPerFile must be >= 1, was " + maxPostsPerFile);
    }
    this.directory = Objects.requireNonNull(directory, "directory");
    this.maxPostsPerFile = maxPostsPerFile;
    this.maxFileAge = Objects.requireNonNull(maxFileAge, "maxFileAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.inProgress = directory.resolve(IN_PROGRESS);
    Files.createDirectories(inProgress);
  }

  @Override
  public void send(Post post) throws IOException {
    if (writer != null && Duration.between(fileOpenedAt, clock.instant()).compareTo(maxFileAge) >= 0) {
      publish();
    }
    if (writer == null) {
      open();
    }
    writer.write(codec.encode(post));
    writer.write('\n');
    postsInFile++;
    if (postsInFile >= maxPostsPerFile) {
      publish();
    }
  }

  @Override
  public void flush() throws IOException {
    if (writer != null) {
      publish();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** Files renamed into place so far. */
  public long filesPublished() {
    return filesPublished;
  }

  /** Posts in files renamed into place so far. */
  public long postsPublished() {
    return postsPublished;
  }

  public Path directory() {
    return directory;
  }

  private void open() throws IOException {
    String name = "posts-" + FILE_TIME.format(clock.instant()) + "-" + writerId + "-" + (sequence++);
    tempFile = inProgress.resolve(name + ".ndjson.tmp");
    channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
    postsInFile = 0;
    fileOpenedAt = clock.instant();
  }

  private void publish() throws IOException {
    writer.flush();
    channel.force(true);
    writer.close();
    String finalName = tempFile.getFileName().toString().replace(".ndjson.tmp", ".ndjson");
    Path target = directory.resolve(finalName);
    try {
      Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("spool directory " + directory + " does not support atomic rename; use a local file system", e);
    }
    filesPublished++;
    postsPublished += postsInFile;
    LOG.debug("spool: published {} ({} posts)", target.getFileName(), postsInFile);
    writer = null;
    channel = null;
    tempFile = null;
    postsInFile = 0;
  }
}
