package org.minsheng.bench.fuzz;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes one {@link FuzzTarget} in a child JVM: {@code java -cp <class path> com.code_intelligence.jazzer.Jazzer
 * --target_class=… --target_method=…} (Jazzer's standalone driver runs a JUnit {@code @FuzzTest} directly), with
 * libFuzzer's {@code -max_total_time}, a per-input {@code -timeout} (a hang is a finding), an {@code -rss_limit_mb}
 * (unbounded memory is a finding) and {@code --keep_going} so one finding does not end the run. The generated corpus
 * stays in {@code <work>/corpus} between runs; findings are written to {@code <work>/findings/}; the child's log to
 * {@code <work>/jazzer.log}.
 */
public final class JazzerRun {
  private static final Logger LOG = LoggerFactory.getLogger(JazzerRun.class);

  /** Child JVM and libFuzzer limits. */
  public record Limits(Duration duration, int inputTimeoutSeconds, int rssLimitMb, String heap, int maxLen) {}

  /** The outcome of one target's run. */
  public record Result(FuzzTarget target, long executions, double seconds, long fuzzingSeconds, List<String> findings, List<Path> findingFiles,
      int exitCode, boolean finished, Path log, Path corpus) {}

  /** Longest wait for JVM start-up, instrumentation and corpus loading before fuzzing starts. */
  private static final Duration STARTUP_ALLOWANCE = Duration.ofMinutes(15);

  private final Path projectRoot;
  private final String parentClassPath;

  public JazzerRun(Path projectRoot, String parentClassPath) {
    this.projectRoot = projectRoot;
    this.parentClassPath = parentClassPath;
  }

  /** The child's command line (also printed to stderr so a run can be repeated by hand). */
  public List<String> command(FuzzTarget target, Limits limits, Path work) {
    Path testClasses = target.testClasses(projectRoot);
    Path mainClasses = projectRoot.resolve(target.module()).resolve("target/classes");
    List<String> entries = new ArrayList<>(List.of(testClasses.toString(), mainClasses.toString()));
    entries.addAll(benchLibrary());
    for (String entry : parentClassPath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().toString()); // the child runs in the work directory
      }
    }
    String classPath = String.join(java.io.File.pathSeparator, entries);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + limits.heap());
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("com.code_intelligence.jazzer.Jazzer");
    cmd.add("--target_class=" + target.testClass());
    cmd.add("--target_method=" + target.method());
    cmd.add("--instrumentation_includes=" + target.instrument());
    if (!target.disabledHooks().isEmpty()) {
      cmd.add("--disabled_hooks=" + target.disabledHooks());
    }
    if (!target.instrumentExcludes().isEmpty()) {
      cmd.add("--instrumentation_excludes=" + target.instrumentExcludes());
    }
    cmd.add("--keep_going=1000");
    cmd.add("--reproducer_path=" + work.resolve("findings"));
    cmd.add("-max_total_time=" + Math.max(1, limits.duration().toSeconds()));
    cmd.add("-timeout=" + limits.inputTimeoutSeconds());
    cmd.add("-rss_limit_mb=" + limits.rssLimitMb());
    cmd.add("-max_len=" + limits.maxLen());
    cmd.add("-print_final_stats=1");
    cmd.add("-artifact_prefix=" + work.resolve("findings") + "/");
    Path dictionary = target.dictionary(projectRoot);
    if (Files.isRegularFile(dictionary)) {
      cmd.add("-dict=" + dictionary);
    }
    cmd.add(work.resolve("corpus").toString());
    Path seeds = target.seeds(projectRoot);
    if (Files.isDirectory(seeds)) {
      cmd.add(seeds.toString());
    }
    return cmd;
  }

  /**
   * The jars of {@code bench/target/lib} (the bench module's runtime class path, copied at package time): the
   * launcher's own class path lacks the test libraries the fuzz tests use (JUnit Jupiter API, AssertJ).
   */
  private List<String> benchLibrary() {
    Path lib = projectRoot.resolve("bench/target/lib");
    if (!Files.isDirectory(lib)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(lib)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + lib, e);
    }
  }

  public Result run(FuzzTarget target, Limits limits, Path work) throws IOException, InterruptedException {
    if (!Files.isDirectory(target.testClasses(projectRoot))) {
      throw new IllegalStateException(target.testClasses(projectRoot) + " is missing: build the test classes first "
          + "(./mvnw -o -B -q -DskipTests package, or run ./minsheng once)");
    }
    Files.createDirectories(work.resolve("corpus"));
    Files.createDirectories(work.resolve("findings"));
    List<Path> before = findingFiles(work);
    List<String> cmd = command(target, limits, work);
    LOG.info("fuzzing {} for {} in {} ({}); jazzer arguments: {}", target.name(), limits.duration(), work,
        "class path of " + cmd.get(cmd.indexOf("-cp") + 1).split(java.io.File.pathSeparator).length + " entries",
        String.join(" ", cmd.subList(cmd.indexOf("com.code_intelligence.jazzer.Jazzer"), cmd.size())));
    Path log = work.resolve("jazzer.log");
    LibFuzzerLog parsed = new LibFuzzerLog();
    long start = System.nanoTime();
    Process child = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> copy(child, log, parsed), "jazzer-log-" + target.name());
    reader.start();
    // libFuzzer stops itself max_total_time after it started fuzzing. JVM start-up, instrumentation and loading the
    // corpus come first and took minutes on a loaded machine, so the safety deadline counts from the INITED line.
    long graceNanos = TimeUnit.SECONDS.toNanos(120L + 2L * limits.inputTimeoutSeconds());
    long deadline = start + STARTUP_ALLOWANCE.toNanos() + limits.duration().toNanos() + graceNanos;
    boolean sawStart = false;
    while (!child.waitFor(5, TimeUnit.SECONDS)) {
      if (!sawStart && parsed.fuzzing()) {
        sawStart = true;
        deadline = System.nanoTime() + limits.duration().toNanos() + graceNanos;
      }
      if (System.nanoTime() > deadline) {
        LOG.warn("{}: the fuzzer did not stop in time; killing process {}", target.name(), child.pid());
        child.destroyForcibly();
        child.waitFor();
        break;
      }
    }
    reader.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Path> files = new ArrayList<>(findingFiles(work));
    files.removeAll(before);
    return new Result(target, parsed.executions(), seconds, parsed.fuzzingSeconds(), parsed.findings(), files, child.exitValue(), parsed.finished(),
        log, work.resolve("corpus"));
  }

  private static void copy(Process child, Path log, LibFuzzerLog parsed) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.newLine();
        out.flush(); // so the log can be followed while a long run is going
        parsed.accept(line);
      }
    } catch (IOException e) {
      LOG.warn("lost part of the fuzzer log {}: {}", log, e.toString());
    }
  }

  /** libFuzzer artifacts: crash-*, timeout-*, oom-*, leak-*, slow-unit-*. */
  private static List<Path> findingFiles(Path work) throws IOException {
    try (Stream<Path> s = Files.list(work.resolve("findings"))) {
      return s.filter(p -> p.getFileName().toString().matches("(crash|timeout|oom|leak|slow-unit)-.*")).sorted().toList();
    }
  }
}
