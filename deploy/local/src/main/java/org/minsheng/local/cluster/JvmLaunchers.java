package org.minsheng.local.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where cluster JVMs get their java binary, classpath and options: the classpath of {@code deploy/local} (its
 * classes and {@code target/lib}, which hold the analysis module and every dependency, as {@code ./minsheng} uses
 * them) and the JDK 17 {@code --add-opens} Flink needs (root pom property {@code flink.jvm.opens}, filtered into
 * {@code minsheng-jvm.options}).
 */
public final class JvmLaunchers {
  /** Filtered resource of this module: the root pom's {@code flink.jvm.opens}. */
  static final String JVM_OPTIONS_RESOURCE = "/minsheng-jvm.options";

  private JvmLaunchers() {}

  /** The JVM running this code: its java binary and classpath (what {@code ./minsheng} started it with). */
  public static ClusterSpec.JvmLauncher ofThisJvm() {
    return new ClusterSpec.JvmLauncher(currentJava(), absolute(System.getProperty("java.class.path")),
        flinkJvmOptions());
  }

  /** Cluster processes run in the work directory: relative classpath entries must not depend on ours. */
  static String absolute(String classpath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*") || entry.endsWith(java.io.File.separator + "*")) {
        String dir = entry.substring(0, entry.length() - 1);
        entries.add(Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath().normalize() + java.io.File.separator + "*");
      } else {
        entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /**
   * The build output of {@code deploy/local} at {@code target} ({@code target/classes} and {@code target/lib/*},
   * filled by {@code mvn package}), for tests and harnesses whose own classpath is Maven's.
   */
  public static ClusterSpec.JvmLauncher ofBuild(Path target) {
    Path classes = target.resolve("classes").toAbsolutePath().normalize();
    Path lib = target.resolve("lib").toAbsolutePath().normalize();
    if (!Files.isDirectory(lib) || !Files.isDirectory(classes)) {
      throw new IllegalStateException("no build output at " + target.toAbsolutePath()
          + " (expected classes/ and lib/ from `mvn package` of deploy/local)");
    }
    return new ClusterSpec.JvmLauncher(currentJava(), classes + ":" + lib + "/*", flinkJvmOptions());
  }

  static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The {@code --add-opens}/{@code --add-exports} options of {@code minsheng-jvm.options}. */
  static List<String> flinkJvmOptions() {
    try (InputStream in = JvmLaunchers.class.getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " is not on the classpath (build deploy/local first)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      if (text.contains("${")) {
        throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " was not filtered by Maven: " + text);
      }
      return new ArrayList<>(Arrays.asList(text.split("\\s+")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + JVM_OPTIONS_RESOURCE, e);
    }
  }
}
