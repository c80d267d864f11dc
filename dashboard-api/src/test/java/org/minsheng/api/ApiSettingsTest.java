package org.minsheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApiSettingsTest {
  @Test
  void defaultsAreLoopbackPort8080AndNoCors() {
    ApiSettings s = ApiSettings.load(null, Map.of());
    assertThat(s.server().host()).isEqualTo("127.0.0.1");
    assertThat(s.server().port()).isEqualTo(8080);
    assertThat(s.cors().origins()).isEmpty();
    assertThat(s.elasticsearch().postsIndex()).isEqualTo("minsheng-posts");
    assertThat(s.alerts().streamPollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.cache().ttl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.cache().maxEntries()).isEqualTo(1000);
    assertThat(s.elasticsearch().maxConnections()).isEqualTo(64);
  }

  @Test
  void environmentAndUserFileOverride(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("api.yaml");
    Files.writeString(file, "cors:\n  allowedOrigins: \"https://a.example, https://b.example\"\nlimits:\n  maxBuckets: 50\n",
        StandardCharsets.UTF_8);
    ApiSettings s = ApiSettings.load(file, Map.of("MINSHENG_SERVER_PORT", "9090",
        "MINSHENG_ELASTICSEARCH_URL", "https://es.example:9200"));
    assertThat(s.server().port()).isEqualTo(9090);
    assertThat(s.elasticsearch().url()).isEqualTo("https://es.example:9200");
    assertThat(s.cors().origins()).containsExactly("https://a.example", "https://b.example");
    assertThat(s.limits().maxBuckets()).isEqualTo(50);
  }

  @Test
  void aTypoInTheUserFileIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("api.yaml");
    Files.writeString(file, "server:\n  prot: 9090\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ApiSettings.load(file, Map.of())).hasMessageContaining("unknown setting 'server.prot'");
  }

  @Test
  void unreadableCaCertificateIsAClearError(@TempDir Path dir) {
    ApiSettings.Elasticsearch es = ApiSettings.load(null, Map.of("MINSHENG_ELASTICSEARCH_URL", "https://127.0.0.1:1",
        "MINSHENG_ELASTICSEARCH_CACERTIFICATE", dir.resolve("missing-ca.pem").toString())).elasticsearch();
    assertThatThrownBy(() -> EsClients.create(es, ApiServer.json()))
        .hasMessageContaining("cannot read Elasticsearch CA certificate").hasMessageContaining("missing-ca.pem");
  }

  @Test
  void cliCommandIsApiWithItsOptions() {
    ApiCommand command = new ApiCommand();
    assertThat(command.path()).isEqualTo(List.of("api"));
    new CommandLine(command).parseArgs("--config", "x.yaml", "--demo-token");
    assertThat(command.config).isEqualTo(Path.of("x.yaml"));
    assertThat(command.demoToken).isTrue();
  }
}
