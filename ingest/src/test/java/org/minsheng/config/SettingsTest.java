package org.minsheng.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsThenFileThenEnvironment() throws Exception {
    Path file = dir.resolve("user.yaml");
    Files.writeString(file, "handoff:\n  spool:\n    directory: /var/spool/ms\n    maxPostsPerFile: 50\n");
    Settings s = Settings.load("minsheng-ingest.yaml", file, Map.of("MINSHENG_HANDOFF_SPOOL_MAXPOSTSPERFILE", "7"));
    assertThat(s.string("handoff.spool.directory")).isEqualTo("/var/spool/ms");
    assertThat(s.integer("handoff.spool.maxPostsPerFile")).isEqualTo(7);
    assertThat(s.bind("handoff.spool.maxFileAge", Duration.class)).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.string("handoff.type")).isEqualTo("spool");
  }

  @Test
  void unknownSettingInUserFileIsAnError() throws Exception {
    Path file = dir.resolve("user.yaml");
    Files.writeString(file, "handoff:\n  spool:\n    directroy: /x\n");
    assertThatThrownBy(() -> Settings.load("minsheng-ingest.yaml", file, Map.of()))
        .hasMessageContaining("unknown setting 'handoff.spool.directroy'");
  }

  @Test
  void envNameConvention() {
    assertThat(Settings.envName("elasticsearch.url")).isEqualTo("MINSHENG_ELASTICSEARCH_URL");
  }
}
