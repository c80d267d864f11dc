package org.minsheng.bench.fuzz;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root (the directory holding {@code ingest/} and {@code analysis/}) for {@code bench fuzz}. */
final class ProjectRoot {
  private ProjectRoot() {}

  /**
   * The explicit {@code --project} when given; else the working directory or one of its parents; else the root of the
   * launcher's class path ({@code <root>/deploy/local/target/classes} or {@code <root>/bench/target/...}).
   */
  static Path find(Path explicit, Path workingDir, String classPath) {
    if (explicit != null) {
      if (!isRoot(explicit)) {
        throw new IllegalArgumentException("--project " + explicit + " does not hold the ingest and analysis modules");
      }
      return explicit.toAbsolutePath().normalize();
    }
    for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (isRoot(p)) {
        return p;
      }
    }
    for (String entry : classPath.split(File.pathSeparator)) {
      for (Path p = Path.of(entry).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
        if (isRoot(p)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("cannot find the project root from " + workingDir + "; pass --project");
  }

  private static boolean isRoot(Path p) {
    return Files.isDirectory(p.resolve("ingest/src")) && Files.isDirectory(p.resolve("analysis/src"))
        && Files.isRegularFile(p.resolve("pom.xml"));
  }
}
