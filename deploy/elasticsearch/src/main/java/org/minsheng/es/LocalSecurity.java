package org.minsheng.es;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security for a local node, as a real cluster has it: {@code xpack.security.enabled: true}, TLS on HTTP with a
 * certificate for 127.0.0.1/localhost signed by a fresh CA, and one superuser in the file realm. Made with the
 * distribution's own tools, run before the node starts, as this JVM's user (the node's config directory is handed to
 * the node's user afterwards):
 * <ol>
 *   <li>{@code bin/elasticsearch-certutil ca --pem} → {@code config/certs/ca/ca.crt} (the CA clients trust) and
 *       {@code ca.key} (deleted once the HTTP certificate is signed);</li>
 *   <li>{@code bin/elasticsearch-certutil cert --pem --ip 127.0.0.1 --dns localhost} → {@code config/certs/http/};</li>
 *   <li>{@code bin/elasticsearch-users useradd <user> -p <password> -r superuser} → {@code config/users},
 *       {@code config/users_roles}.</li>
 * </ol>
 * Transport TLS stays off: one node on loopback has no transport peers (Elasticsearch only demands it in production
 * mode). For tests and local trials only; a real cluster's security is set up by its operators.
 */
final class LocalSecurity {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSecurity.class);
  static final Duration TOOL_TIMEOUT = Duration.ofSeconds(180);

  private final String username;
  private final String password;

  LocalSecurity(String username, String password) {
    if (username == null || !username.matches("[a-zA-Z_][a-zA-Z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("user name must be letters, digits, '_', '.', '-': " + username);
    }
    if (password == null || password.length() < 6) {
      throw new IllegalArgumentException("the file realm needs a password of at least 6 characters");
    }
    this.username = username;
    this.password = password;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  /** The {@code elasticsearch.yml} settings of a secured node (paths relative to the config directory). */
  static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("xpack.security.enabled", "true");
    s.put("xpack.security.http.ssl.enabled", "true");
    s.put("xpack.security.http.ssl.key", "certs/http/http.key");
    s.put("xpack.security.http.ssl.certificate", "certs/http/http.crt");
    s.put("xpack.security.http.ssl.certificate_authorities", "certs/ca/ca.crt");
    s.put("xpack.security.transport.ssl.enabled", "false");
    s.put("xpack.security.authc.api_key.enabled", "true");
    return s;
  }

  /** The PEM CA certificate clients must trust, under the node's config directory. */
  static Path caCertificate(Path config) {
    return config.resolve("certs/ca/ca.crt");
  }

  /** Creates the CA, the HTTP certificate and the user in {@code config} with the tools of {@code home}. */
  void prepare(Path home, Path config) throws IOException {
    long t = System.nanoTime();
    Path certs = config.resolve("certs");
    Files.createDirectories(certs);
    Path work = Files.createTempDirectory(config, "certutil-");
    try {
      Path caZip = work.resolve("ca.zip");
      tool(home, config, "elasticsearch-certutil", List.of("ca", "--pem", "--silent", "--days", "30",
          "--out", caZip.toString()));
      unzip(caZip, certs);
      Path httpZip = work.resolve("http.zip");
      tool(home, config, "elasticsearch-certutil", List.of("cert", "--pem", "--silent", "--days", "30",
          "--ca-cert", certs.resolve("ca/ca.crt").toString(), "--ca-key", certs.resolve("ca/ca.key").toString(),
          "--ip", "127.0.0.1", "--dns", "localhost", "--name", "http", "--out", httpZip.toString()));
      unzip(httpZip, certs);
      Files.delete(certs.resolve("ca/ca.key")); // nothing else is signed: the CA's key is not kept
      tool(home, config, "elasticsearch-users", List.of("useradd", username, "-p", password, "-r", "superuser"));
    } finally {
      ElasticsearchDistribution.deleteTree(work);
    }
    LOG.info("Security prepared in {} ms: TLS on HTTP (CA {}), superuser '{}' in the file realm",
        (System.nanoTime() - t) / 1_000_000, caCertificate(config), username);
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the target directory: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  /** Runs {@code bin/<tool> args} with the node's config directory; fails with the tool's output. */
  private static void tool(Path home, Path config, String tool, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve(tool).toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(config.toFile());
    pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("ES_PATH_CONF", config.toString());
    pb.environment().remove("ES_JAVA_OPTS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(tool + " did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + tool, e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(tool + " " + args.get(0) + " failed with exit code " + p.exitValue() + ":\n"
          + output);
    }
  }

  /** Protects the secret in logs and exceptions. */
  @Override
  public String toString() {
    return "LocalSecurity[user=" + username + "]";
  }
}
