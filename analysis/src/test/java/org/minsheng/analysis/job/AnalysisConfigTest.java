package org.minsheng.analysis.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.config.Settings;

class AnalysisConfigTest {

  @Test
  void defaultsFileGivesEverySetting() {
    AnalysisConfig c = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null, Map.of()));
    assertThat(c.handoffType()).isEqualTo("spool");
    assertThat(c.spoolDirectory()).isEqualTo("data/spool");
    assertThat(c.discoveryInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.elasticsearchUrl()).isEqualTo("http://127.0.0.1:9200");
    assertThat(c.parallelism()).isEqualTo(2);
    assertThat(c.checkpointDirectory()).isEqualTo("data/checkpoints");
    assertThat(c.job().checkpointInterval()).isEqualTo(Duration.ofSeconds(60));
    // 30 s since alert windows correct late posts (docs/ALERTS.md §1): topic alerts no longer trail by 10 min
    assertThat(c.job().maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.job().idleness()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.job().customWords()).contains("舆情 n");
    assertThat(c.job().sentiment().model()).isEqualTo("trained");
    assertThat(c.job().emotion()).isTrue();
    assertThat(c.job().alerts().window.size).isEqualTo(Duration.ofSeconds(30));
    // alerts are sparse: they must not wait a second for the sink's timer (docs/ALERTS.md §5)
    assertThat(c.job().alerts().sink.flushInterval).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void environmentAndUserFileOverride(@TempDir Path dir) throws Exception {
    Path user = dir.resolve("user.yaml");
    Files.writeString(user, "analysis:\n  sentiment:\n    model: trained\n    location: /models/s.bin\n"
        + "  segment:\n    customWords: [\"维稳 v\"]\n");
    AnalysisConfig c = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, user, Map.of(
        "MINSHENG_HANDOFF_SPOOL_DIRECTORY", "/var/spool/minsheng",
        "MINSHENG_ANALYSIS_PARALLELISM", "4",
        "MINSHENG_ANALYSIS_EVENTTIME_IDLENESS", "PT30S")));
    assertThat(c.spoolDirectory()).isEqualTo("/var/spool/minsheng");
    assertThat(c.parallelism()).isEqualTo(4);
    assertThat(c.job().idleness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.job().sentiment().model()).isEqualTo("trained");
    assertThat(c.job().sentiment().location()).isEqualTo("/models/s.bin");
    assertThat(c.job().customWords()).isEqualTo(List.of("维稳 v"));
  }

  @Test
  void badValuesAreRejectedWithTheSettingsName() {
    assertThatThrownBy(() -> AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        Map.of("MINSHENG_ANALYSIS_PARALLELISM", "0"))))
        .hasMessage("analysis.parallelism must be >= 1, was 0");
    assertThatThrownBy(() -> AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
        Map.of("MINSHENG_ANALYSIS_CHECKPOINT_INTERVAL", "PT0S"))))
        .hasMessage("checkpointInterval must be positive, was PT0S");
  }

  @Test
  void checkpointDirectoryBecomesAnAbsoluteUri() {
    assertThat(Environments.checkpointUri("s3://bucket/cp")).isEqualTo("s3://bucket/cp");
    assertThat(Environments.checkpointUri("data/checkpoints"))
        .startsWith("file:/").endsWith("/data/checkpoints");
  }
}
