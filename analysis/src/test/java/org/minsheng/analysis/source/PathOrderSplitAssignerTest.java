package org.minsheng.analysis.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class PathOrderSplitAssignerTest {
  private static FileSourceSplit split(String name) {
    return new FileSourceSplit(name, new Path("/spool/" + name), 0, 100, 0, 100);
  }

  private static List<String> drain(PathOrderSplitAssigner a) {
    List<String> names = new ArrayList<>();
    for (Optional<FileSourceSplit> s = a.getNext(null); s.isPresent(); s = a.getNext(null)) {
      names.add(s.get().path().getName());
    }
    return names;
  }

  @Test
  void aBacklogIsReadOldestFirst() {
    PathOrderSplitAssigner a = new PathOrderSplitAssigner(List.of(
        split("posts-20261122T030500Z-c1-2.ndjson"), split("posts-20261122T030000Z-c1-0.ndjson")));
    a.addSplits(List.of(split("posts-20261122T030200Z-c1-1.ndjson")));

    assertThat(a.remainingSplits()).extracting(s -> s.path().getName()).containsExactly(
        "posts-20261122T030000Z-c1-0.ndjson", "posts-20261122T030200Z-c1-1.ndjson", "posts-20261122T030500Z-c1-2.ndjson");
    assertThat(drain(a)).containsExactly(
        "posts-20261122T030000Z-c1-0.ndjson", "posts-20261122T030200Z-c1-1.ndjson", "posts-20261122T030500Z-c1-2.ndjson");
    assertThat(a.getNext("host")).isEmpty();
    assertThat(a.remainingSplits()).isEmpty();
  }

  @Test
  void theSpoolSourceWithItStaysSerialisable() throws Exception {
    // the provider survives Java serialisation (Flink ships it to the enumerator)
    var source = SpoolDirectorySource.bounded("/spool").rawLines();
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(source);
    }
    assertThat(bytes.size()).isPositive();
  }
}
