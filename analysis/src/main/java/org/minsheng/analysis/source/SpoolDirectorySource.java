package org.minsheng.analysis.source;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/**
 * Reads the spool directory written by ingest's {@code SpoolDirectoryWriter} with Flink's {@link FileSource} and
 * Flink's {@code TextLineInputFormat} (UTF-8), each line tagged with this source's description ({@link OriginLineFormat}).
 *
 * <p>In continuous mode the enumerator lists the directory every {@code discoveryInterval} and assigns files it has
 * not seen; the set of processed paths is part of the checkpointed enumerator state, so a job restored from a
 * checkpoint does not re-read finished files. Flink's default file filter skips names starting with {@code .} or
 * {@code _} and does not descend into such directories: the writer keeps files still being written in its hidden
 * {@code .inprogress/} sub-directory, so they are picked up only after the atomic rename. In bounded mode ({@code discoveryInterval} null) the source reads what is there
 * at start and finishes, which tests and one-off re-imports use.
 */
public final class SpoolDirectorySource implements PostsSource {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final Duration discoveryInterval;

  /**
   * @param directory the spool directory (a local path or any Flink file system URI)
   * @param discoveryInterval how often to look for new files; null for a bounded read of the current contents
   */
  public SpoolDirectorySource(String directory, Duration discoveryInterval) {
    this.directory = Objects.requireNonNull(directory, "directory");
    if (discoveryInterval != null && (discoveryInterval.isNegative() || discoveryInterval.isZero())) {
      throw new IllegalArgumentException("discoveryInterval must be positive, was " + discoveryInterval);
    }
    this.discoveryInterval = discoveryInterval;
  }

  /** Continuously monitors {@code directory}. */
  public static SpoolDirectorySource continuous(String directory, Duration discoveryInterval) {
    return new SpoolDirectorySource(directory, Objects.requireNonNull(discoveryInterval, "discoveryInterval"));
  }

  /** Reads what is in {@code directory} now, then finishes. */
  public static SpoolDirectorySource bounded(String directory) {
    return new SpoolDirectorySource(directory, null);
  }

  @Override
  public Source<RawLine, ?, ?> rawLines() {
    FileSource.FileSourceBuilder<RawLine> builder = FileSource.forRecordStreamFormat(
        new OriginLineFormat(description()), new Path(directory))
        .setSplitAssigner(PathOrderSplitAssigner::new);
    if (discoveryInterval != null) {
      builder.monitorContinuously(discoveryInterval);
    }
    return builder.build();
  }

  @Override
  public String description() {
    return "spool:" + directory;
  }

  public boolean continuous() {
    return discoveryInterval != null;
  }
}
