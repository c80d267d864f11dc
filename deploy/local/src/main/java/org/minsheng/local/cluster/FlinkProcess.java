package org.minsheng.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JobManager or TaskManager JVM of a local cluster, known by its operating-system process (pid). It may have been
 * started by this JVM or found again through its pid file by a later {@code ./minsheng cluster} command.
 */
public final class FlinkProcess {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkProcess.class);

  public static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  public static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  private final String name;
  private final ProcessHandle handle;
  private final Path logFile;

  FlinkProcess(String name, ProcessHandle handle, Path logFile) {
    this.name = name;
    this.handle = handle;
    this.logFile = logFile;
  }

  /**
   * Launches {@code java <jvm options> -cp <classpath> <main> --configDir <conf> <dynamic properties>} with stdout and
   * stderr in {@code <log>/<name>.out}, the Flink log in {@code <log>/<name>.log} and the pid in
   * {@code <log>/<name>.pid}.
   */
  static FlinkProcess launch(ClusterSpec spec, String name, String mainClass, ProcessResources resources,
      List<String> extraArguments) throws IOException {
    Path log = spec.logDirectory();
    Files.createDirectories(log);
    Path logFile = log.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(spec.launcher().java().toString());
    command.addAll(spec.launcher().jvmOptions());
    command.addAll(resources.jvmOptions());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Dlog.file=" + logFile);
    command.add("-Dlog4j.configurationFile=" + spec.configDirectory().resolve(ClusterConfiguration.LOG_CONFIG_FILE));
    command.add("-Dminsheng.cluster.process=" + name);
    command.add("-cp");
    command.add(spec.launcher().classpath());
    command.add(mainClass);
    command.add("--configDir");
    command.add(spec.configDirectory().toString());
    command.addAll(extraArguments);
    command.addAll(resources.dynamicProperties());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(spec.workDirectory().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolve(name + ".out").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process = builder.start();
    Files.writeString(pidFile(spec, name), Long.toString(process.pid()) + "\n", StandardCharsets.UTF_8);
    LOG.info("cluster: started {} (pid {}), log {}", name, process.pid(), logFile);
    return new FlinkProcess(name, process.toHandle(), logFile);
  }

  /** The process named in {@code <log>/<name>.pid}, if that pid is alive and still one of ours. */
  static Optional<FlinkProcess> find(ClusterSpec spec, String name) throws IOException {
    Path pidFile = pidFile(spec, name);
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
    } catch (NumberFormatException e) {
      LOG.warn("cluster: ignoring unreadable pid file {}: {}", pidFile, e.getMessage());
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    // pid reuse: only a JVM started with our marker property is ours
    String commandLine = handle.get().info().commandLine().orElse("");
    if (!commandLine.contains("-Dminsheng.cluster.process=" + name)) {
      LOG.warn("cluster: pid {} from {} is now another process ({}), ignoring it", pid, pidFile,
          commandLine.isEmpty() ? "command line not visible" : abbreviate(commandLine));
      return Optional.empty();
    }
    return Optional.of(new FlinkProcess(name, handle.get(), spec.logDirectory().resolve(name + ".log")));
  }

  static Path pidFile(ClusterSpec spec, String name) {
    return spec.logDirectory().resolve(name + ".pid");
  }

  public String name() {
    return name;
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** SIGKILL, as {@code kill -9}: the JVM gets no chance to clean up. Waits until the process is gone. */
  public void kill() throws InterruptedException, TimeoutException {
    handle.destroyForcibly();
    try {
      handle.onExit().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for " + name + " to exit failed", e);
    }
    LOG.info("cluster: killed {} (pid {}) with SIGKILL", name, pid());
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. Returns true if it needed SIGKILL. */
  public boolean stop(Duration grace) throws InterruptedException, TimeoutException {
    if (!handle.isAlive()) {
      return false;
    }
    handle.destroy();
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("cluster: {} (pid {}) stopped after SIGTERM", name, pid());
      return false;
    } catch (TimeoutException e) {
      LOG.warn("cluster: {} (pid {}) still alive {} after SIGTERM, sending SIGKILL", name, pid(), grace);
      kill();
      return true;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for " + name + " to exit failed", e);
    }
  }

  /** The last lines of its log and of its stdout/stderr file, for error messages. */
  public String logTail(int lines) {
    Path out = logFile.resolveSibling(name + ".out");
    return tail(logFile, lines) + "\n--- " + out + ":\n" + tail(out, lines);
  }

  private static String tail(Path logFile, int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "(no log at " + logFile + ")";
      }
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
