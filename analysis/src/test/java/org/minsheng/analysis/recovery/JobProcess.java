package org.minsheng.analysis.recovery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link LocalJobMain} in its own JVM (the test's classpath and Flink's module opens), output to a log file. */
final class JobProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Instant started;

  private JobProcess(Process process, Path log, Instant started) {
    this.process = process;
    this.log = log;
    this.started = started;
  }

  static JobProcess start(Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dfile.encoding=UTF-8");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalJobMain.class.getName());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("MINSHENG_"));
    pb.environment().putAll(env);
    Instant t = Instant.now();
    return new JobProcess(pb.start(), log, t);
  }

  Instant started() {
    return started;
  }

  /** Waits until the job runs (restored, if there was a checkpoint); returns when that was seen. */
  Instant awaitRunning(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(LocalJobMain.RUNNING)) {
        return Instant.now();
      }
      if (!process.isAlive()) {
        throw new AssertionError("the job process exited with " + process.exitValue() + "; end of its log:\n"
            + tail(60));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job process did not report a running job within " + timeout + "; end of its log:\n"
        + tail(60));
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no cancel, no final checkpoint. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  String tail(int lines) throws IOException {
    List<String> all = logText().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }
}
