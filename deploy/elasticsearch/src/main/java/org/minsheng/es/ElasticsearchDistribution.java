package org.minsheng.es;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch server distribution ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:<v>:zip}),
 * as resolved by Maven into the local repository, and its unpacked home directory.
 *
 * <p>The zip is never downloaded here: the module's build resolves it ({@code dependency:get} at generate-resources).
 * Unpacking happens once per version and base directory; several JVMs (parallel test runs) may ask at the same time,
 * so it is guarded by an OS file lock and done into a temporary directory that is renamed into place when complete.
 */
public final class ElasticsearchDistribution {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);

  /** System property naming the local Maven repository (same as Maven's). */
  public static final String MAVEN_REPO_PROPERTY = "maven.repo.local";
  /** Environment variable naming the local Maven repository, when the system property is absent. */
  public static final String MAVEN_REPO_ENV = "MINSHENG_MAVEN_REPO_LOCAL";
  static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";
  private static final String COMPLETE_MARKER = ".minsheng-unpacked";
  /** Guards the file lock inside one JVM (FileChannel.lock throws OverlappingFileLockException otherwise). */
  private static final Object UNPACK_MONITOR = new Object();

  private ElasticsearchDistribution() {}

  /** The server version this build resolved (root pom property {@code elasticsearch-server.version}). */
  public static String defaultVersion() {
    try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("elasticsearch-server.properties")) {
      if (in == null) {
        throw new IllegalStateException("org/minsheng/es/elasticsearch-server.properties missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Elasticsearch server version", e);
    }
  }

  /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code $MINSHENG_MAVEN_REPO_LOCAL}, else ~/.m2/repository. */
  public static Path mavenRepository(Map<String, String> env, Properties systemProperties) {
    String prop = systemProperties.getProperty(MAVEN_REPO_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String fromEnv = env.get(MAVEN_REPO_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(systemProperties.getProperty("user.home"), ".m2", "repository");
  }

  /** Where Maven puts the zip of {@code version} inside {@code repository}. */
  public static Path zipPath(Path repository, String version) {
    return repository.resolve(GROUP_PATH).resolve(version).resolve("elasticsearch-" + version + ".zip");
  }

  /**
   * The zip of {@code version} in {@code repository}.
   *
   * @throws IllegalStateException naming the command that fetches it, when it is absent
   */
  public static Path locateZip(Path repository, String version) {
    Path zip = zipPath(repository, version);
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("Elasticsearch server " + version + " is not in the local Maven repository (looked for "
          + zip + "). Fetch it with: ./mvnw -B -pl deploy/elasticsearch generate-resources"
          + " (or ./mvnw dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
          + ":zip -Dtransitive=false)");
    }
    return zip;
  }

  /**
   * Unpacks {@code zip} into {@code baseDirectory/elasticsearch-<version>} unless that is already complete, and returns
   * that home directory. Files are made readable by everyone and {@code bin/*} executable, so that an unprivileged
   * user can run it.
   */
  public static Path unpack(Path zip, String version, Path baseDirectory) {
    Path home = baseDirectory.resolve("elasticsearch-" + version);
    if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
      return home;
    }
    synchronized (UNPACK_MONITOR) {
      try {
        Files.createDirectories(baseDirectory);
        try (FileChannel channel = FileChannel.open(baseDirectory.resolve(".elasticsearch-" + version + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
          LOG.debug("Holding {} to unpack Elasticsearch {}", lock, version);
          if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
            return home; // another JVM finished while we waited for the lock
          }
          long started = System.nanoTime();
          Path tmp = Files.createTempDirectory(baseDirectory, ".unpacking-");
          extract(zip, tmp);
          Path top = tmp.resolve("elasticsearch-" + version);
          if (!Files.isDirectory(top.resolve("bin"))) {
            throw new IllegalStateException(zip + " does not contain elasticsearch-" + version + "/bin");
          }
          Files.writeString(top.resolve(COMPLETE_MARKER), version + "\n");
          deleteTree(home); // a half-finished directory from a killed run
          try {
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(top, home);
          }
          deleteTree(tmp);
          LOG.info("Unpacked Elasticsearch {} into {} in {} ms", version, home, (System.nanoTime() - started) / 1_000_000);
          return home;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
      }
    }
  }

  private static void extract(Path zip, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zf.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("zip entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zf.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        boolean executable = out.getParent().getFileName().toString().equals("bin")
            || out.toString().contains("/platform/");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
