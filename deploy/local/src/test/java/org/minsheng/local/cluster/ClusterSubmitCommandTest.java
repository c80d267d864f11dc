package org.minsheng.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.job.AnalysisConfig;
import picocli.CommandLine;

class ClusterSubmitCommandTest {
  private static final ClusterSpec SPEC = ClusterSpec.defaults(Path.of("/srv/cluster"),
      new ClusterSpec.JvmLauncher(Path.of("/usr/bin/java"), "/cp/*", List.of()));

  @Test
  void optionsAndSetsLayerOverTheDefaultsAndPathsBecomeAbsolute() {
    ClusterSubmitCommand command = new ClusterSubmitCommand();
    new CommandLine(command).parseArgs("--spool", "data/in", "--parallelism", "3", "--es-url", "http://127.0.0.1:9299",
        "--set", "analysis.eventTime.maxOutOfOrderness=PT0S", "--checkpoint-interval", "PT0.5S");
    AnalysisConfig config = command.analysisConfig(Map.of("MINSHENG_ANALYSIS_PARALLELISM", "7"), SPEC);

    assertThat(config.spoolDirectory()).isEqualTo(Path.of("data/in").toAbsolutePath().toString());
    assertThat(config.parallelism()).as("the option wins over the environment").isEqualTo(3);
    assertThat(config.elasticsearchUrl()).isEqualTo("http://127.0.0.1:9299");
    assertThat(config.job().maxOutOfOrderness()).isEqualTo(Duration.ZERO);
    assertThat(config.job().checkpointInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.checkpointDirectory()).isEqualTo("/srv/cluster/checkpoints");
  }

  @Test
  void withoutOptionsTheEnvironmentAndYamlDecide() {
    ClusterSubmitCommand command = new ClusterSubmitCommand();
    new CommandLine(command).parseArgs();
    AnalysisConfig config = command.analysisConfig(Map.of("MINSHENG_ANALYSIS_PARALLELISM", "7"), SPEC);
    assertThat(config.parallelism()).isEqualTo(7);
    assertThat(config.job().checkpointInterval()).as("analysis.checkpoint.interval").isEqualTo(Duration.ofSeconds(60));
    assertThat(ClusterSubmitCommand.envName("handoff.spool.directory")).isEqualTo("MINSHENG_HANDOFF_SPOOL_DIRECTORY");
  }
}
