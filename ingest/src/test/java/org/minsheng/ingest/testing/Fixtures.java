package org.minsheng.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.minsheng.ingest.fetch.FetchSettings;

/** Shared helpers for crawler tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Fast settings for tests: tiny delays and backoffs. */
  public static FetchSettings fastFetch() {
    return new FetchSettings("MinshengBot/0.1 (test)", Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024, 3, 3,
        Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMillis(5), 1,
        Duration.ofSeconds(1), true, Duration.ofHours(1), List.of("/visitor/visitor", "/login"));
  }

  public static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("test resource " + name + " missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
