package org.minsheng.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the team's shared data folder ({@code shared/}, beside the project checkout), used for training, development
 * figures and tests that read real third-party data. It is not part of the project: code and tests that use it must
 * work, or skip cleanly, when it is absent.
 *
 * <p>Order: the environment variable {@code MINSHENG_SHARED_DIR}; otherwise the first ancestor of the working directory
 * that has a {@code shared/data} folder.
 */
public final class SharedData {
  public static final String ENV = "MINSHENG_SHARED_DIR";

  private SharedData() {}

  /** The shared folder, if present. */
  public static Optional<Path> root() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A path below {@code shared/}, if the folder and the path exist. */
  public static Optional<Path> resolve(String relative) {
    return root().map(r -> r.resolve(relative)).filter(Files::exists);
  }
}
