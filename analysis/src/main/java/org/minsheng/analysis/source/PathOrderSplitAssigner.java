package org.minsheng.analysis.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out spool files in the order of their names, which the spool writer starts with the UTC time it opened them:
 * a backlog (after a restart, an outage, a slow job) is then read oldest first.
 *
 * <p>Flink's default assigner takes splits in no particular order. Reading a later file of a backlog first moves the
 * watermark past the posts of the earlier files, which then arrive late: judged in arrival order by dedup and
 * clustering and, beyond the windows' allowed lateness, missing from trend and alert counts. With more than one reader
 * files are still read side by side, so disorder stays within a few files' span instead of the whole backlog.
 */
final class PathOrderSplitAssigner implements FileSplitAssigner {
  static final Comparator<FileSourceSplit> ORDER = Comparator
      .comparing((FileSourceSplit s) -> s.path().toString())
      .thenComparingLong(FileSourceSplit::offset);

  private final PriorityQueue<FileSourceSplit> splits = new PriorityQueue<>(ORDER);

  PathOrderSplitAssigner(Collection<FileSourceSplit> initial) {
    splits.addAll(initial);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    return Optional.ofNullable(splits.poll());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> more) {
    splits.addAll(more);
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    List<FileSourceSplit> remaining = new ArrayList<>(splits);
    remaining.sort(ORDER);
    return remaining;
  }
}
