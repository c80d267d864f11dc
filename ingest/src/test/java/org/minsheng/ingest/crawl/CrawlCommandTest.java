package org.minsheng.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.handoff.PostHandOff;
import org.minsheng.handoff.SpoolDirectoryWriter;

class CrawlCommandTest {
  @TempDir Path dir;

  @Test
  void handOffTypeSelectsTheImplementationAndUnknownTypesAreAnError() throws Exception {
    CrawlConfig cfg = CrawlConfig.load(null, Map.of("MINSHENG_HANDOFF_SPOOL_DIRECTORY", dir.resolve("spool").toString()));
    try (PostHandOff spool = CrawlCommand.handOff("spool", cfg)) {
      assertThat(spool).isInstanceOf(SpoolDirectoryWriter.class);
      assertThat(((SpoolDirectoryWriter) spool).directory()).isEqualTo(dir.resolve("spool"));
    }
    assertThatThrownBy(() -> CrawlCommand.handOff("ftp", cfg))
        .hasMessage("handoff.type 'ftp' is not one of spool, kafka");
  }
}
