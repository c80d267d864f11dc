package org.minsheng.es;

import co.elastic.clients.transport.TransportUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node on 127.0.0.1, run as a child process from the integ-test zip in the local Maven repository.
 *
 * <pre>{@code
 * try (LocalElasticsearch es = LocalElasticsearch.builder().heap("512m").build().start()) {
 *   String url = es.url();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>Layout: the distribution is unpacked once per version into {@code <base>/dist/elasticsearch-<v>} (shared,
 * read-only); each node has its own directory with {@code config/} ({@code ES_PATH_CONF}), {@code data/},
 * {@code logs/} and {@code tmp/} ({@code ES_TMPDIR}). The base is {@code /var/tmp/minsheng/elasticsearch} for root (the
 * node's user cannot enter /root) and {@code ~/.cache/minsheng/elasticsearch} otherwise. Without an explicit data
 * directory the node gets a fresh one that {@link #close()} deletes.
 *
 * <p>Security is off unless {@link Builder#security(String, String)} asks for a node secured like a real cluster (TLS on
 * HTTP with its own CA, a file-realm superuser); {@link Builder#setting(String, String)} adds any other
 * {@code elasticsearch.yml} setting.
 *
 * <p>{@link #close()} stops the whole process tree (SIGTERM, SIGKILL after a grace period); a JVM shutdown hook does
 * the same if the JVM exits first, and a small shell watchdog around the node stops it when this JVM's stdin pipe to it
 * closes, so no node outlives its JVM, even one killed with SIGKILL.
 */
public final class LocalElasticsearch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);
  public static final String DEFAULT_HEAP = "512m";
  public static final String DEFAULT_CLUSTER = "minsheng-local";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
  static final Duration STOP_GRACE = Duration.ofSeconds(20);
  /** In a temporary node directory: the pid of the JVM that created it. */
  static final String LAUNCHER_PID = "launcher.pid";
  /**
   * Runs Elasticsearch ({@code "$@"}) and stops it (SIGTERM to its CLI, which stops the server) when this JVM's end of
   * the stdin pipe closes: that happens even when this JVM is killed with SIGKILL, which no shutdown hook survives.
   * Its exit status is Elasticsearch's.
   */
  static final String WATCHDOG = String.join("\n",
      "exec 3<&0",
      "\"$@\" 3<&- </dev/null &",
      "pid=$!",
      "{ cat >/dev/null; kill -TERM \"$pid\" 2>/dev/null; } <&3 &",
      "exec 3<&-",
      "wait \"$pid\"");

  private final String version;
  private final int port;
  private final String heap;
  private final Path dataDirectory;
  private final String clusterName;
  private final Path baseDirectory;
  private final Path mavenRepository;
  private final Duration startTimeout;
  private final ProcessOwner owner;
  private final Map<String, String> extraSettings;
  private final LocalSecurity security; // null: security off

  private Process process;
  private Thread shutdownHook;
  private Path nodeDirectory;
  private boolean temporaryNodeDirectory;
  private String url;

  private LocalElasticsearch(Builder b) {
    this.version = b.version;
    this.port = b.port;
    this.heap = b.heap;
    this.dataDirectory = b.dataDirectory;
    this.clusterName = b.clusterName;
    this.baseDirectory = b.baseDirectory != null ? b.baseDirectory : defaultBaseDirectory();
    this.mavenRepository = b.mavenRepository != null ? b.mavenRepository
        : ElasticsearchDistribution.mavenRepository(System.getenv(), System.getProperties());
    this.startTimeout = b.startTimeout;
    this.owner = ProcessOwner.detect(b.user);
    this.security = b.security;
    Map<String, String> extra = new LinkedHashMap<>();
    if (security != null) {
      extra.putAll(LocalSecurity.settings());
    }
    extra.putAll(b.settings);
    this.extraSettings = java.util.Collections.unmodifiableMap(extra);
    new NodeConfig(clusterName, port, Path.of("data"), Path.of("logs"), heap, extra); // validates early
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code /var/tmp/minsheng/elasticsearch} for root, {@code ~/.cache/minsheng/elasticsearch} otherwise. */
  public static Path defaultBaseDirectory() {
    return ProcessOwner.isRoot() ? Path.of("/var/tmp/minsheng/elasticsearch")
        : Path.of(System.getProperty("user.home"), ".cache", "minsheng", "elasticsearch");
  }

  /** Starts the node and waits until its cluster health is at least yellow. Returns {@code this}. */
  public synchronized LocalElasticsearch start() {
    if (process != null) {
      throw new IllegalStateException("already started");
    }
    long started = System.nanoTime();
    Path zip = ElasticsearchDistribution.locateZip(mavenRepository, version);
    createShared(baseDirectory);
    createShared(baseDirectory.resolve("dist"));
    Path home = ElasticsearchDistribution.unpack(zip, version, baseDirectory.resolve("dist"));
    try {
      if (dataDirectory != null) {
        nodeDirectory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(nodeDirectory);
      } else {
        createShared(baseDirectory.resolve("nodes"));
        deleteAbandonedNodeDirectories(baseDirectory.resolve("nodes"));
        nodeDirectory = Files.createTempDirectory(baseDirectory.resolve("nodes"), clusterName + "-");
        Files.writeString(nodeDirectory.resolve(LAUNCHER_PID), Long.toString(ProcessHandle.current().pid()),
            StandardCharsets.UTF_8);
        temporaryNodeDirectory = true;
      }
      owner.checkTraversable(nodeDirectory);
      owner.checkTraversable(home.resolve("bin"));
      owner.checkTraversable(Path.of(System.getProperty("java.home"), "bin"));
      Path config = nodeDirectory.resolve("config");
      Path logs = nodeDirectory.resolve("logs");
      Path tmp = nodeDirectory.resolve("tmp");
      writeConfig(home, config,
          new NodeConfig(clusterName, port, nodeDirectory.resolve("data"), logs, heap, extraSettings));
      if (security != null) {
        security.prepare(home, config);
      }
      Files.createDirectories(logs);
      Files.createDirectories(tmp);
      Files.createDirectories(nodeDirectory.resolve("data"));
      Files.deleteIfExists(logs.resolve("http.ports"));
      Files.deleteIfExists(logs.resolve("transport.ports"));
      owner.ensureUserExists();
      owner.own(nodeDirectory);

      List<String> command = owner.wrap(List.of("sh", "-c", WATCHDOG, "minsheng-es-watchdog", "env",
          "ES_JAVA_HOME=" + System.getProperty("java.home"),
          "ES_PATH_CONF=" + config,
          "ES_TMPDIR=" + tmp,
          home.resolve("bin/elasticsearch").toString()));
      ProcessBuilder pb = new ProcessBuilder(command).directory(nodeDirectory.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
      pb.environment().remove("ES_JAVA_OPTS");
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      process = pb.start();
      shutdownHook = new Thread(this::stopProcess, "stop-elasticsearch-" + process.pid());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      LOG.info("Starting Elasticsearch {} (pid {}, user {}, heap {}) in {}", version, process.pid(), owner.userName(),
          heap, nodeDirectory);

      int httpPort = port != 0 ? port : awaitPortsFile(logs.resolve("http.ports"), started);
      url = (security != null ? "https" : "http") + "://127.0.0.1:" + httpPort;
      awaitHealthy(started);
      LOG.info("Elasticsearch {} is up at {} (pid {}, user {}) after {} ms; logs in {}", version, url, process.pid(),
          owner.userName(), (System.nanoTime() - started) / 1_000_000, logs);
      return this;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start Elasticsearch in " + nodeDirectory, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}, once started. */
  public String url() {
    if (url == null) {
      throw new IllegalStateException("not started");
    }
    return url;
  }

  /**
   * How to reach this node: its URL and, when secured, the superuser's name and password and the CA certificate.
   */
  public EsSettings settings() {
    if (security == null) {
      return EsSettings.of(url());
    }
    return new EsSettings(url(), security.username(), security.password(), null, caCertificate().toString(), null, null);
  }

  /** The PEM CA certificate that signed a secured node's HTTP certificate. */
  public Path caCertificate() {
    if (security == null) {
      throw new IllegalStateException("this node has no TLS (build it with security(user, password))");
    }
    return LocalSecurity.caCertificate(nodeDirectory.resolve("config"));
  }

  /** The node's own directory (config, data, logs, tmp). */
  public Path nodeDirectory() {
    return nodeDirectory;
  }

  /** The pid of the process this launcher started (runuser when switching user), or -1. */
  public long pid() {
    return process != null ? process.pid() : -1;
  }

  /** The launched process and all its descendants, for checks that nothing is left behind. */
  public List<ProcessHandle> processTree() {
    List<ProcessHandle> all = new ArrayList<>();
    if (process != null) {
      all.add(process.toHandle());
      process.toHandle().descendants().forEach(all::add);
    }
    return all;
  }

  /** Blocks until the node's process exits (for the foreground {@code es start} command). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public synchronized void close() {
    stopProcess();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        LOG.debug("JVM is shutting down; the hook stops the node", e);
      }
      shutdownHook = null;
    }
    if (temporaryNodeDirectory && nodeDirectory != null) {
      try {
        ElasticsearchDistribution.deleteTree(nodeDirectory);
      } catch (IOException e) {
        LOG.warn("could not delete the node directory {}: {}", nodeDirectory, e.toString());
      }
      temporaryNodeDirectory = false;
    }
  }

  private void stopProcess() {
    Process p = process;
    if (p == null || (!p.isAlive() && p.toHandle().descendants().findAny().isEmpty())) {
      return;
    }
    long t = System.nanoTime();
    boolean graceful = ProcessTree.stop(p.toHandle(), STOP_GRACE);
    LOG.info("Stopped Elasticsearch (pid {}) {} in {} ms", p.pid(), graceful ? "cleanly" : "forcibly",
        (System.nanoTime() - t) / 1_000_000);
  }

  private static void writeConfig(Path home, Path config, NodeConfig node) throws IOException {
    Files.createDirectories(config.resolve("jvm.options.d"));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("config"))) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && !Files.exists(config.resolve(f.getFileName()))) {
          Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Files.writeString(config.resolve("elasticsearch.yml"), node.elasticsearchYml(), StandardCharsets.UTF_8);
    Files.writeString(config.resolve("jvm.options.d/minsheng.options"), node.jvmOptions(), StandardCharsets.UTF_8);
  }

  /**
   * Deletes temporary node directories whose launching JVM is gone (killed before it could delete them; the watchdog
   * has stopped their node). Directories younger than a minute are left alone.
   */
  static void deleteAbandonedNodeDirectories(Path nodes) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(nodes)) {
      for (Path dir : dirs) {
        Path pidFile = dir.resolve(LAUNCHER_PID);
        if (!Files.isRegularFile(pidFile)
            || Files.getLastModifiedTime(pidFile).toInstant().isAfter(java.time.Instant.now().minusSeconds(60))) {
          continue;
        }
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        ElasticsearchDistribution.deleteTree(dir);
        LOG.info("Deleted the node directory {} left by JVM {}, which is gone", dir, pid);
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Could not clean abandoned node directories in {}: {}", nodes, e.toString());
    }
  }

  /** Creates a directory that the node's user must be able to traverse (mode 755). */
  private static void createShared(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private int awaitPortsFile(Path portsFile, long started) {
    while (true) {
      checkAlive("before publishing its HTTP port");
      checkTimeout(started, "publishing its HTTP port in " + portsFile);
      try {
        if (Files.isRegularFile(portsFile)) {
          for (String line : Files.readAllLines(portsFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("127.0.0.1:")) {
              return Integer.parseInt(line.substring("127.0.0.1:".length()).trim());
            }
          }
        }
        Thread.sleep(200);
      } catch (IOException | NumberFormatException e) {
        LOG.debug("ports file not readable yet: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
      }
    }
  }

  private void awaitHealthy(long started) {
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s")).timeout(Duration.ofSeconds(10)).GET();
    if (security != null) {
      try {
        client.sslContext(TransportUtils.sslContextFromHttpCaCrt(caCertificate().toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the node's CA certificate " + caCertificate(), e);
      }
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (security.username() + ":" + security.password()).getBytes(StandardCharsets.UTF_8)));
    }
    HttpClient http = client.build();
    HttpRequest health = request.build();
    String last = "no answer";
    while (true) {
      checkAlive("before becoming healthy (last health answer: " + last + ")");
      checkTimeout(started, "cluster health yellow at " + url + " (last answer: " + last + ")");
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
      }
    }
  }

  private void checkAlive(String when) {
    if (!process.isAlive()) {
      throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + " " + when
          + ". End of its log:\n" + logTail());
    }
  }

  private void checkTimeout(long started, String waitingFor) {
    if (System.nanoTime() - started > startTimeout.toNanos()) {
      throw new IllegalStateException("Elasticsearch did not reach " + waitingFor + " within " + startTimeout.toSeconds()
          + " s. End of its log:\n" + logTail());
    }
  }

  /** The last lines of the server log (or the console output when the server never got that far). */
  String logTail() {
    Path logs = nodeDirectory.resolve("logs");
    StringBuilder sb = new StringBuilder();
    for (Path f : List.of(logs.resolve("console.log"), logs.resolve(clusterName + ".log"))) {
      try {
        if (Files.isRegularFile(f)) {
          List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
          sb.append("--- ").append(f).append('\n');
          lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> sb.append(l).append('\n'));
        }
      } catch (IOException e) {
        sb.append("(cannot read ").append(f).append(": ").append(e).append(")\n");
      }
    }
    return sb.length() == 0 ? "(no log written)" : sb.toString();
  }

  /** Settings of a local node; every one has a default. */
  public static final class Builder {
    private String version = ElasticsearchDistribution.defaultVersion();
    private int port = 0;
    private String heap = DEFAULT_HEAP;
    private Path dataDirectory;
    private String clusterName = DEFAULT_CLUSTER;
    private Path baseDirectory;
    private Path mavenRepository;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private String user = ProcessOwner.DEFAULT_USER;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private LocalSecurity security;

    /** Server version; default: the one this build resolved. */
    public Builder version(String v) { this.version = Objects.requireNonNull(v, "version"); return this; }
    /** HTTP port; 0 (default) picks a free one. */
    public Builder port(int v) { this.port = v; return this; }
    /** Heap (-Xms = -Xmx), e.g. {@code 512m} (default, tests) or {@code 1g} (demo). */
    public Builder heap(String v) { this.heap = v; return this; }
    /** The node's directory (config, data, logs, tmp), kept after close; default: a fresh one deleted on close. */
    public Builder dataDirectory(Path v) { this.dataDirectory = v; return this; }
    public Builder clusterName(String v) { this.clusterName = v; return this; }
    /** Where distributions are unpacked and temporary nodes live; default {@link #defaultBaseDirectory()}. */
    public Builder baseDirectory(Path v) { this.baseDirectory = v; return this; }
    /** Local Maven repository holding the zip; default {@code -Dmaven.repo.local}, $MINSHENG_MAVEN_REPO_LOCAL, ~/.m2/repository. */
    public Builder mavenRepository(Path v) { this.mavenRepository = v; return this; }
    public Builder startTimeout(Duration v) { this.startTimeout = Objects.requireNonNull(v, "startTimeout"); return this; }
    /** The unprivileged user a root JVM runs the node as; default {@value ProcessOwner#DEFAULT_USER}. */
    public Builder user(String v) { this.user = Objects.requireNonNull(v, "user"); return this; }

    /**
     * An extra {@code elasticsearch.yml} setting (scalar value); it replaces a default of the same key. For settings
     * the launcher does not know; security has its own option.
     */
    public Builder setting(String key, String value) {
      settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Security on, as on a real cluster: TLS on HTTP with a certificate signed by a CA generated for this node
     * ({@link LocalElasticsearch#caCertificate()}), and {@code username} as a superuser of the file realm. The URL
     * becomes {@code https://127.0.0.1:<port>}; {@link LocalElasticsearch#settings()} carries user, password and CA.
     * Costs ~10 s at start (the distribution's certutil and users tools).
     */
    public Builder security(String username, String password) {
      this.security = new LocalSecurity(username, password);
      return this;
    }

    public LocalElasticsearch build() {
      return new LocalElasticsearch(this);
    }
  }

}
