package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.config.Settings;
import picocli.CommandLine;

class EsStartCommandTest {
  @Test
  void isEsStartWithItsOptions() {
    EsStartCommand cmd = new EsStartCommand();
    assertThat(cmd.path()).isEqualTo(List.of("es", "start"));
    new CommandLine(cmd).parseArgs("--port", "0", "--heap", "768m", "--data", "/var/tmp/minsheng/x");
    assertThat(cmd.port).isZero();
    assertThat(cmd.heap).isEqualTo("768m");
    assertThat(cmd.data).hasToString("/var/tmp/minsheng/x");
    cmd.node(Settings.load("minsheng-elasticsearch.yaml", null, Map.of())).build(); // options valid for a node
  }

  @Test
  void registeredAsACliCommand() {
    assertThat(java.util.ServiceLoader.load(org.minsheng.cli.CliCommand.class).stream()
        .map(p -> p.type().getName())).contains(EsStartCommand.class.getName());
  }
}
