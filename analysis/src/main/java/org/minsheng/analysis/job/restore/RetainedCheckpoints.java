package org.minsheng.analysis.job.restore;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoints a job left in its checkpoint directory, for resuming after the process died or was stopped.
 *
 * <p>Flink writes {@code <directory>/<job id>/chk-<n>/} and, once every task has acknowledged checkpoint {@code n},
 * its {@code _metadata} file: a {@code chk-<n>} without {@code _metadata} was still in progress and is ignored. A new
 * job (a restart gets a new job id) writes into its own sub-directory, so the newest checkpoint can be in any of them:
 * candidates are ordered by the time their {@code _metadata} was written (then by number), and the first whose metadata
 * can be read in full is taken, so a file cut short by a kill during its write falls back to the one before.
 *
 * <p>Works on any Flink file system ({@code file://}, {@code s3://} with its plugin, …); a plain path is a local one.
 */
public final class RetainedCheckpoints {
  private static final Logger LOG = LoggerFactory.getLogger(RetainedCheckpoints.class);
  static final String METADATA = "_metadata";
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");
  /** Flink job ids: 32 hex digits. Other directories (e.g. {@code savepoints}) are never touched. */
  private static final Pattern JOB_DIR = Pattern.compile("[0-9a-f]{32}");

  private final Path directory;
  private final ClassLoader classLoader;

  /** {@code directory}: {@code analysis.checkpoint.directory} (a path or a file system URI). */
  public RetainedCheckpoints(String directory) {
    this(directory, RetainedCheckpoints.class.getClassLoader());
  }

  RetainedCheckpoints(String directory, ClassLoader classLoader) {
    this.directory = new Path(toUri(directory));
    this.classLoader = classLoader;
  }

  /** The newest complete checkpoint whose metadata reads in full, if any. */
  public Optional<RetainedCheckpoint> latest() throws IOException {
    for (RetainedCheckpoint c : complete()) {
      if (readable(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every checkpoint with a {@code _metadata} file, newest first (not checked for readability). */
  public List<RetainedCheckpoint> complete() throws IOException {
    FileSystem fs = directory.getFileSystem();
    List<RetainedCheckpoint> found = new ArrayList<>();
    if (!fs.exists(directory)) {
      return found;
    }
    for (FileStatus job : list(fs, directory)) {
      if (!job.isDir() || !JOB_DIR.matcher(job.getPath().getName()).matches()) {
        continue;
      }
      for (FileStatus chk : list(fs, job.getPath())) {
        Matcher m = CHECKPOINT_DIR.matcher(chk.getPath().getName());
        if (!chk.isDir() || !m.matches()) {
          continue;
        }
        Path metadata = new Path(chk.getPath(), METADATA);
        FileStatus meta;
        try {
          meta = fs.getFileStatus(metadata);
        } catch (java.io.FileNotFoundException e) {
          continue; // in progress, or abandoned when the process died
        }
        if (meta.getLen() > 0) {
          found.add(new RetainedCheckpoint(chk.getPath().toString(), job.getPath().getName(), Long.parseLong(m.group(1)),
              Instant.ofEpochMilli(meta.getModificationTime())));
        }
      }
    }
    found.sort(Comparator.comparing(RetainedCheckpoint::completedAt).thenComparingLong(RetainedCheckpoint::number)
        .reversed());
    return found;
  }

  /**
   * Deletes the job sub-directories superseded by {@code kept}: those of other jobs whose checkpoints are all older.
   * Call it only when the job restored from {@code kept} (in Flink's default no-claim mode the new job never builds on
   * an older job's files, and {@code kept}'s own directory stays until the next start). Returns what was deleted.
   */
  public List<String> deleteSuperseded(RetainedCheckpoint kept) throws IOException {
    FileSystem fs = directory.getFileSystem();
    List<String> deleted = new ArrayList<>();
    for (FileStatus job : list(fs, directory)) {
      String name = job.getPath().getName();
      if (!job.isDir() || !JOB_DIR.matcher(name).matches() || name.equals(kept.jobId())) {
        continue;
      }
      if (job.getModificationTime() <= kept.completedAt().toEpochMilli() && newestIn(fs, job.getPath()) <= kept
          .completedAt().toEpochMilli()) {
        fs.delete(job.getPath(), true);
        deleted.add(job.getPath().toString());
      }
    }
    if (!deleted.isEmpty()) {
      LOG.info("Deleted {} checkpoint director{} superseded by {}: {}", deleted.size(),
          deleted.size() == 1 ? "y" : "ies", kept, deleted);
    }
    return deleted;
  }

  private boolean readable(RetainedCheckpoint c) {
    Path metadata = new Path(new Path(c.pointer()), METADATA);
    try (InputStream in = metadata.getFileSystem().open(metadata);
        DataInputStream data = new DataInputStream(in)) {
      Checkpoints.loadCheckpointMetadata(data, classLoader, c.pointer());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping {}: its metadata cannot be read ({}); trying the one before", c, e.toString());
      return false;
    }
  }

  private static long newestIn(FileSystem fs, Path dir) throws IOException {
    long newest = 0;
    for (FileStatus s : list(fs, dir)) {
      newest = Math.max(newest, s.getModificationTime());
      if (s.isDir()) {
        newest = Math.max(newest, newestIn(fs, s.getPath()));
      }
    }
    return newest;
  }

  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    FileStatus[] s = fs.listStatus(dir);
    return s == null ? new FileStatus[0] : s;
  }

  /** A plain path becomes an absolute file URI; anything with a scheme is kept. */
  static URI toUri(String directory) {
    if (directory.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return URI.create(directory);
    }
    return java.nio.file.Path.of(directory).toAbsolutePath().normalize().toUri();
  }
}
