package org.minsheng.analysis.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class SpoolDirectorySourceTest {

  @Test
  void continuousSourceIsUnboundedAndBoundedSourceIsBounded() {
    SpoolDirectorySource continuous = SpoolDirectorySource.continuous("/var/spool/minsheng", Duration.ofSeconds(1));
    assertThat(continuous.rawLines().getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(continuous.description()).isEqualTo("spool:/var/spool/minsheng");
    assertThat(SpoolDirectorySource.bounded("/x").rawLines().getBoundedness()).isEqualTo(Boundedness.BOUNDED);
  }

  @Test
  void rejectsANonPositiveDiscoveryInterval() {
    assertThatThrownBy(() -> SpoolDirectorySource.continuous("/x", Duration.ZERO))
        .hasMessage("discoveryInterval must be positive, was PT0S");
  }
}
