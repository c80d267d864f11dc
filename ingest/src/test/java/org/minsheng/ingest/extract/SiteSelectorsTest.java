package org.minsheng.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.config.Settings;

class SiteSelectorsTest {

  @Test
  void defaultsHaveNoSites() {
    assertThat(SiteSelectors.fromSettings(Settings.load("minsheng-extract-defaults.yaml", null, Map.of())).sites())
        .isEmpty();
  }

  @Test
  void userFileAddsSitesAndTheLongestHostWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sites.yaml");
    Files.writeString(file, """
        extract:
          sites:
            - host: example.com
              body: "div.content"
            - host: News.Example.com
              body: "div.article"
              remove: ["div.ad"]
        """, StandardCharsets.UTF_8);
    SiteSelectors s = SiteSelectors.fromSettings(Settings.load("minsheng-extract-defaults.yaml", file, Map.of()));
    assertThat(s.forHost("news.example.com")).get().extracting(SiteSelectors.Site::body).isEqualTo("div.article");
    assertThat(s.forHost("a.news.example.com")).get().extracting(SiteSelectors.Site::remove)
        .asList().containsExactly("div.ad");
    assertThat(s.forHost("www.example.com")).get().extracting(SiteSelectors.Site::body).isEqualTo("div.content");
    assertThat(s.forHost("notexample.com")).isEmpty();
  }

  @Test
  void aMisspelledSelectorKeyIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sites.yaml");
    Files.writeString(file, "extract:\n  sites:\n    - host: example.com\n      bdy: \"div.content\"\n",
        StandardCharsets.UTF_8);
    Settings settings = Settings.load("minsheng-extract-defaults.yaml", file, Map.of());
    assertThatThrownBy(() -> SiteSelectors.fromSettings(settings)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bdy");
  }
}
