package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedNodeDirectoriesTest {
  @TempDir Path nodes;

  private Path node(String name, long pid, Instant written) throws Exception {
    Path dir = Files.createDirectories(nodes.resolve(name).resolve("data"));
    Path pidFile = nodes.resolve(name).resolve(LocalElasticsearch.LAUNCHER_PID);
    Files.writeString(pidFile, Long.toString(pid), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(pidFile, FileTime.from(written));
    return dir.getParent();
  }

  @Test
  void onlyOldDirectoriesOfDeadJvmsAreDeleted() throws Exception {
    Instant old = Instant.now().minusSeconds(600);
    long dead = deadPid();
    Path abandoned = node("abandoned", dead, old);
    Path mine = node("mine", ProcessHandle.current().pid(), old);
    Path fresh = node("fresh", dead, Instant.now());
    Path foreign = Files.createDirectories(nodes.resolve("no-pid-file"));

    LocalElasticsearch.deleteAbandonedNodeDirectories(nodes);

    assertThat(abandoned).doesNotExist();
    assertThat(mine).exists();
    assertThat(fresh).exists();
    assertThat(foreign).exists();
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
