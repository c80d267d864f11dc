package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  private final NodeConfig config =
      new NodeConfig("minsheng-test", 0, Path.of("/var/tmp/n/data"), Path.of("/var/tmp/n/logs"), "512m");

  @Test
  void localSingleNodeWithoutSecurityOnLoopbackOnly() {
    assertThat(config.elasticsearchYml()).contains(
        "cluster.name: minsheng-test\n",
        "network.host: 127.0.0.1\n",
        "discovery.type: single-node\n",
        "xpack.security.enabled: false\n",
        "cluster.routing.allocation.disk.threshold_enabled: false\n",
        "path.data: \"/var/tmp/n/data\"\n",
        "path.logs: \"/var/tmp/n/logs\"\n");
    assertThat(config.elasticsearchYml()).doesNotContain("0.0.0.0").doesNotContain("_site_");
  }

  @Test
  void portZeroMeansAnyFreePortReportedInThePortsFile() {
    assertThat(config.elasticsearchYml()).contains("http.port: 0\n", "node.portsfile: true\n");
    assertThat(new NodeConfig("c", 9200, Path.of("d"), Path.of("l"), "1g").elasticsearchYml()).contains("http.port: 9200\n");
  }

  @Test
  void heapIsBounded() {
    assertThat(config.jvmOptions()).contains("-Xms512m\n", "-Xmx512m\n", "-XX:-HeapDumpOnOutOfMemoryError\n");
  }

  @Test
  void pathsAreQuotedForYaml() {
    NodeConfig odd = new NodeConfig("c", 1, Path.of("/tmp/a \"b\"/data"), Path.of("/tmp/l"), "1g");
    assertThat(odd.elasticsearchYml()).contains("path.data: \"/tmp/a \\\"b\\\"/data\"\n");
  }

  @Test
  void badValuesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new NodeConfig("c", 1, Path.of("d"), Path.of("l"), "lots"))
        .hasMessage("heap must look like 512m or 1g: lots");
    assertThatThrownBy(() -> new NodeConfig("c", 70000, Path.of("d"), Path.of("l"), "1g"))
        .hasMessage("port must be 0 (any free port) or 1..65535: 70000");
    assertThatThrownBy(() -> new NodeConfig("My Cluster", 1, Path.of("d"), Path.of("l"), "1g"))
        .hasMessage("cluster name must be lower-case letters, digits, '-' or '_': My Cluster");
  }

  @Test
  void extraSettingsReplaceDefaultsAndAreQuotedWhenNotPlain() {
    java.util.Map<String, String> extra = new java.util.LinkedHashMap<>(LocalSecurity.settings());
    extra.put("http.max_content_length", "200mb");
    String yml = new NodeConfig("c", 0, Path.of("/d"), Path.of("/l"), "512m", extra).elasticsearchYml();
    assertThat(yml).contains("xpack.security.enabled: true\n", "xpack.security.http.ssl.enabled: true\n",
        "xpack.security.http.ssl.key: \"certs/http/http.key\"\n",
        "xpack.security.http.ssl.certificate_authorities: \"certs/ca/ca.crt\"\n",
        "http.max_content_length: \"200mb\"\n", "network.host: 127.0.0.1\n");
    assertThat(yml).doesNotContain("xpack.security.enabled: false").doesNotContain("Security is off");
    assertThat(yml.lines().filter(l -> l.startsWith("xpack.security.enabled:")).count()).isEqualTo(1);
    assertThatThrownBy(() -> new NodeConfig("c", 0, Path.of("/d"), Path.of("/l"), "1g",
        java.util.Map.of("bad key\nx", "1"))).hasMessageStartingWith("not an elasticsearch.yml setting");
  }
}
