package org.minsheng.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigurationTest {
  private static final ClusterSpec.JvmLauncher LAUNCHER =
      new ClusterSpec.JvmLauncher(Path.of("/usr/bin/java"), "/cp/*", List.of("--add-opens=java.base/java.lang=ALL-UNNAMED"));

  @TempDir
  Path work;

  @Test
  void writtenConfigIsWhatFlinkReadsBackAndWhatLaterCommandsFindThePortsIn() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults(work, LAUNCHER).withPorts(18_081, 16_123).withTaskManagers(2, 3);
    ClusterConfiguration.write(spec);

    Configuration read = GlobalConfiguration.loadConfiguration(spec.configDirectory().toString());
    assertThat(read.get(RestOptions.PORT)).isEqualTo(18_081);
    assertThat(read.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(3);
    assertThat(read.getString("classloader.resolve-order", null)).isEqualTo("parent-first");
    assertThat(read.getString("execution.checkpointing.externalized-checkpoint-retention", null))
        .isEqualTo("RETAIN_ON_CANCELLATION");
    assertThat(read.getString("parallelism.default", null)).isEqualTo("6");
    assertThat(read.getString("execution.checkpointing.dir", null))
        .isEqualTo(work.resolve("checkpoints").toUri().toString());

    ClusterSpec again = ClusterConfiguration.read(work, LAUNCHER);
    assertThat(again.restPort()).isEqualTo(18_081);
    assertThat(again.rpcPort()).isEqualTo(16_123);
    assertThat(again.slotsPerTaskManager()).isEqualTo(3);
    assertThat(again.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readingAWorkDirectoryWithoutClusterSaysHowToStartOne() {
    assertThatThrownBy(() -> ClusterConfiguration.read(work.resolve("none"), LAUNCHER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cluster start");
  }

  @Test
  void memoryOptionsAreComputedLikeFlinksStartScripts() {
    Configuration conf = ClusterConfiguration.of(ClusterSpec.defaults(work, LAUNCHER));
    ProcessResources tm = ProcessResources.taskManager(conf);
    assertThat(tm.jvmOptions()).anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-Xms"))
        .anyMatch(o -> o.startsWith("-XX:MaxDirectMemorySize=")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="));
    assertThat(tm.dynamicProperties()).contains("-D")
        .contains("taskmanager.memory.managed.size=134217728b")
        .anyMatch(p -> p.startsWith("taskmanager.memory.task.heap.size="))
        .anyMatch(p -> p.startsWith("taskmanager.memory.network.max="));
    long heap = Long.parseLong(tm.jvmOptions().stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow()
        .substring(4));
    assertThat(heap).as("heap of a 2 GB TaskManager").isBetween(512L << 20, 1536L << 20);

    ProcessResources jm = ProcessResources.jobManager(conf);
    assertThat(jm.jvmOptions()).anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="));
    assertThat(jm.dynamicProperties()).anyMatch(p -> p.startsWith("jobmanager.memory.heap.size="));
  }

  @Test
  void relativeClasspathEntriesBecomeAbsoluteAndKeepTheirWildcard() {
    String cp = JvmLaunchers.absolute("target/classes:target/lib/*:/abs/x.jar");
    String cwd = Path.of("").toAbsolutePath().toString();
    assertThat(cp).isEqualTo(cwd + "/target/classes:" + cwd + "/target/lib/*:/abs/x.jar");
  }
}
