package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.config.Settings;

class CleaningChainTest {

  @Test
  void defaultsListEveryBuiltInFilterInOrder() {
    assertThat(CleaningChain.fromDefaults().filterNames()).containsExactly("pinyin-residue", "traditional-to-simplified",
        "full-width", "seo-spam", "boilerplate-lines", "recommendation-lists", "filler-sentences", "tidy");
  }

  @Test
  void aUserFileChoosesAndConfiguresFilters(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("clean.yaml");
    Files.writeString(file, "clean:\n  chain: [full-width, tidy]\n  full-width:\n    punctuation: true\n",
        StandardCharsets.UTF_8);
    CleaningChain chain = CleaningChain.fromSettings(Settings.load(CleaningChain.DEFAULTS, file, Map.of()));
    assertThat(chain.filterNames()).containsExactly("full-width", "tidy");
    assertThat(chain.clean("（１）\n\n\n责任编辑：某某")).isEqualTo("(1)\n\n责任编辑:某某");
  }

  @Test
  void unknownFilterIsAClearError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("clean.yaml");
    Files.writeString(file, "clean:\n  chain: [no-such-filter]\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CleaningChain.fromSettings(Settings.load(CleaningChain.DEFAULTS, file, Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown filter 'no-such-filter'");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(CleaningChain.fromDefaults().clean(null)).isEmpty();
  }
}
