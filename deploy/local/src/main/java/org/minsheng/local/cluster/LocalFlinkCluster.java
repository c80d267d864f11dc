package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Flink session cluster on this machine, without Docker or a Flink distribution: one JobManager
 * ({@link FlinkProcess#JOB_MANAGER_MAIN}) and TaskManagers ({@link FlinkProcess#TASK_MANAGER_MAIN}) as separate
 * {@code java} processes on the project's own classpath, configured by {@code <work>/conf/config.yaml}.
 *
 * <p>The processes outlive the JVM that started them ({@code ./minsheng cluster start} returns); a later command
 * finds them again with {@link #attach(ClusterSpec)} through their pid files. {@link #stop(Duration)} cancels the
 * running jobs (their checkpoints are retained) and ends every process, SIGTERM first, SIGKILL after a grace period.
 */
public final class LocalFlinkCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
  private static final String JOB_MANAGER = "jobmanager";
  private static final String TASK_MANAGER_PREFIX = "taskmanager-";
  private static final Pattern TASK_MANAGER_PID = Pattern.compile("taskmanager-(\\d+)\\.pid");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final ClusterSpec spec;
  private final FlinkRest rest;
  private FlinkProcess jobManager;
  private final List<FlinkProcess> taskManagers = new ArrayList<>();
  private int lastTaskManagerNumber;

  private LocalFlinkCluster(ClusterSpec spec) {
    this.spec = spec;
    this.rest = new FlinkRest(spec.restUrl());
  }

  /**
   * Writes the configuration, starts the JobManager and the spec's TaskManagers, and returns once the REST API shows
   * every TaskManager and slot. Fails (stopping what it started) if a cluster of this work directory still runs or a
   * process dies during start-up.
   */
  public static LocalFlinkCluster start(ClusterSpec spec) throws Exception {
    LocalFlinkCluster existing = attach(spec);
    if (existing.jobManager != null || !existing.taskManagers.isEmpty()) {
      throw new IllegalStateException("a cluster of " + spec.workDirectory() + " is already running ("
          + existing.describeProcesses() + "); run `./minsheng cluster stop` first");
    }
    existing.deleteStalePidFiles();
    LocalFlinkCluster cluster = new LocalFlinkCluster(spec);
    try {
      cluster.startAll();
      return cluster;
    } catch (Exception | Error e) {
      LOG.error("cluster: start-up failed, stopping what was started: {}", e.toString());
      cluster.stop(Duration.ofSeconds(10));
      throw e;
    }
  }

  /** The cluster of {@code spec}'s work directory as its pid files describe it (processes that are alive). */
  public static LocalFlinkCluster attach(ClusterSpec spec) throws IOException {
    LocalFlinkCluster cluster = new LocalFlinkCluster(spec);
    cluster.jobManager = FlinkProcess.find(spec, JOB_MANAGER).orElse(null);
    for (int number : cluster.taskManagerNumbersOnDisk()) {
      cluster.lastTaskManagerNumber = Math.max(cluster.lastTaskManagerNumber, number);
      FlinkProcess.find(spec, TASK_MANAGER_PREFIX + number).ifPresent(cluster.taskManagers::add);
    }
    return cluster;
  }

  private void startAll() throws Exception {
    long t0 = System.nanoTime();
    ClusterConfiguration.write(spec);
    Configuration conf = ClusterConfiguration.of(spec);
    jobManager = FlinkProcess.launch(spec, JOB_MANAGER, FlinkProcess.JOB_MANAGER_MAIN,
        ProcessResources.jobManager(conf), List.of("--executionMode", "cluster"));
    for (int i = 0; i < spec.taskManagers(); i++) {
      launchTaskManager(conf);
    }
    int slots = spec.taskManagers() * spec.slotsPerTaskManager();
    await(() -> registered(spec.taskManagers(), slots), "the JobManager's REST API at " + rest.baseUrl() + " to show "
        + spec.taskManagers() + " TaskManager(s) with " + slots + " slots", START_TIMEOUT);
    LOG.info("cluster: JobManager and {} TaskManager(s) with {} slots up in {} ms; REST {}", spec.taskManagers(),
        slots, (System.nanoTime() - t0) / 1_000_000, rest.baseUrl());
  }

  /**
   * Starts one more TaskManager (with the next free number) and returns once the JobManager has registered it. After
   * a TaskManager was killed, this is the replacement the job restarts on.
   */
  public FlinkProcess startTaskManager() throws Exception {
    FlinkProcess tm = launchTaskManager(ClusterConfiguration.of(spec));
    await(() -> taskManagerIds().contains(tm.name()), "TaskManager " + tm.name() + " to register", START_TIMEOUT);
    return tm;
  }

  private FlinkProcess launchTaskManager(Configuration conf) throws IOException {
    String name = TASK_MANAGER_PREFIX + (++lastTaskManagerNumber);
    FlinkProcess tm = FlinkProcess.launch(spec, name, FlinkProcess.TASK_MANAGER_MAIN,
        ProcessResources.taskManager(conf), List.of("-D", "taskmanager.resource-id=" + name));
    taskManagers.add(tm);
    return tm;
  }

  private boolean registered(int taskManagers, int slots) {
    requireAlive();
    try {
      JsonNode overview = rest.overview();
      return overview.path("taskmanagers").asInt() >= taskManagers && overview.path("slots-total").asInt() >= slots;
    } catch (IOException e) {
      return false; // REST not up yet
    }
  }

  private List<String> taskManagerIds() {
    requireAlive();
    List<String> ids = new ArrayList<>();
    try {
      for (JsonNode tm : rest.taskManagers().path("taskmanagers")) {
        ids.add(tm.path("id").asText());
      }
    } catch (IOException e) {
      LOG.debug("cluster: REST not answering yet: {}", e.toString());
    }
    return ids;
  }

  /** Fails fast, with the log's tail, when a process died while we wait for it. */
  private void requireAlive() {
    if (jobManager != null && !jobManager.isAlive()) {
      throw new IllegalStateException("the JobManager exited during start-up; end of " + jobManager.logFile() + ":\n"
          + jobManager.logTail(30));
    }
  }

  /**
   * For tests and harnesses, whose cluster must not outlive them: a JVM shutdown hook that stops the processes if
   * this JVM exits (or is killed with SIGTERM) before {@link #close()}. {@code ./minsheng cluster start} does not use
   * it: its processes are meant to outlive the command.
   */
  public LocalFlinkCluster stopOnJvmExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (isRunning() || taskManagers.stream().anyMatch(FlinkProcess::isAlive)) {
        try {
          stop(Duration.ofSeconds(5));
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
          LOG.error("cluster: stopping {} at JVM exit failed: {}", describeProcesses(), e.toString());
        }
      }
    }, "minsheng-cluster-stop-on-exit"));
    return this;
  }

  public ClusterSpec spec() {
    return spec;
  }

  public FlinkRest rest() {
    return rest;
  }

  public Optional<FlinkProcess> jobManager() {
    return Optional.ofNullable(jobManager);
  }

  /** TaskManagers started or found, including killed ones ({@link FlinkProcess#isAlive()} tells). */
  public List<FlinkProcess> taskManagers() {
    return List.copyOf(taskManagers);
  }

  public boolean isRunning() {
    return jobManager != null && jobManager.isAlive();
  }

  String describeProcesses() {
    List<String> all = new ArrayList<>();
    if (jobManager != null) {
      all.add(jobManager.toString());
    }
    taskManagers.stream().filter(FlinkProcess::isAlive).forEach(tm -> all.add(tm.toString()));
    return String.join(", ", all);
  }

  /**
   * Cancels every job that is not finished (with RETAIN_ON_CANCELLATION its last checkpoint stays on disk), then
   * stops the TaskManagers and the JobManager: SIGTERM, SIGKILL after {@code grace}. Returns the cancelled job ids.
   */
  public List<String> stop(Duration grace) throws InterruptedException, TimeoutException {
    List<String> cancelled = cancelJobs(grace);
    stopProcesses(grace);
    return cancelled;
  }

  /**
   * Cancels every job that is not finished and waits until they ended (their last checkpoint stays on disk with
   * RETAIN_ON_CANCELLATION, and the JobManager still answers {@code /jobs/{id}/checkpoints} for them). Returns the
   * cancelled job ids; none if the JobManager is not running or not answering.
   */
  public List<String> cancelJobs(Duration grace) throws InterruptedException {
    List<String> cancelled = new ArrayList<>();
    if (jobManager == null || !jobManager.isAlive()) {
      return cancelled;
    }
    try {
      cancelled.addAll(rest.activeJobIds());
      for (String id : cancelled) {
        LOG.info("cluster: cancelling job {}", id);
        rest.cancel(id);
      }
      await(() -> {
        try {
          return rest.activeJobIds().isEmpty();
        } catch (IOException e) {
          return true;
        }
      }, "cancelled jobs to end", grace);
    } catch (IOException | TimeoutException e) {
      LOG.warn("cluster: could not cancel jobs through {} ({}); stopping the processes anyway", rest.baseUrl(),
          e.toString());
    }
    return cancelled;
  }

  /** SIGTERM to the TaskManagers and the JobManager, SIGKILL after {@code grace}; removes the pid files. */
  public void stopProcesses(Duration grace) throws InterruptedException, TimeoutException {
    for (FlinkProcess tm : taskManagers) {
      tm.stop(grace);
    }
    if (jobManager != null) {
      jobManager.stop(grace);
    }
    try {
      deleteStalePidFiles();
    } catch (IOException e) {
      LOG.warn("cluster: cannot clean pid files in {}: {}", spec.logDirectory(), e.toString());
    }
  }

  /** {@link #stop(Duration)} with a 15 s grace period. */
  @Override
  public void close() throws IOException, TimeoutException {
    try {
      stop(Duration.ofSeconds(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the cluster of " + spec.workDirectory(), e);
    }
  }

  private List<Integer> taskManagerNumbersOnDisk() throws IOException {
    if (!Files.isDirectory(spec.logDirectory())) {
      return List.of();
    }
    List<Integer> numbers = new ArrayList<>();
    try (Stream<Path> files = Files.list(spec.logDirectory())) {
      files.forEach(f -> {
        Matcher m = TASK_MANAGER_PID.matcher(f.getFileName().toString());
        if (m.matches()) {
          numbers.add(Integer.parseInt(m.group(1)));
        }
      });
    }
    numbers.sort(Comparator.naturalOrder());
    return numbers;
  }

  /** Pid files of processes that are gone. */
  private void deleteStalePidFiles() throws IOException {
    if (!Files.isDirectory(spec.logDirectory())) {
      return;
    }
    try (Stream<Path> files = Files.list(spec.logDirectory())) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
        if (FlinkProcess.find(spec, name).isEmpty()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  static void await(BooleanSupplier condition, String what, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
