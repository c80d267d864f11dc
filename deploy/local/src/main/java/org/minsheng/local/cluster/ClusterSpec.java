package org.minsheng.local.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a local cluster looks like: where it keeps its files, its ports, how many TaskManagers with how many slots,
 * how much memory per process, and how its JVMs are launched.
 *
 * @param workDirectory config, logs, pid files, temporary files and (by default) checkpoints live here
 * @param restPort the JobManager's REST port on 127.0.0.1
 * @param rpcPort the JobManager's RPC port on 127.0.0.1 (TaskManagers register there)
 * @param taskManagers how many TaskManager processes {@code start} launches
 * @param slotsPerTaskManager task slots per TaskManager
 * @param jobManagerMemory {@code jobmanager.memory.process.size}, e.g. {@code 1024m}
 * @param taskManagerMemory {@code taskmanager.memory.process.size}, e.g. {@code 2048m}
 * @param managedMemory {@code taskmanager.memory.managed.size}: small, the job keeps state on the heap
 * @param heartbeatTimeout how long the JobManager waits for a silent TaskManager before failing its tasks
 * @param launcher the java executable, classpath and JVM options of every process
 */
public record ClusterSpec(
    Path workDirectory,
    int restPort,
    int rpcPort,
    int taskManagers,
    int slotsPerTaskManager,
    String jobManagerMemory,
    String taskManagerMemory,
    String managedMemory,
    Duration heartbeatTimeout,
    JvmLauncher launcher) {

  public static final int DEFAULT_REST_PORT = 8081;
  public static final int DEFAULT_RPC_PORT = 6123;

  public ClusterSpec {
    Objects.requireNonNull(workDirectory, "workDirectory");
    workDirectory = workDirectory.toAbsolutePath().normalize();
    requirePort("restPort", restPort);
    requirePort("rpcPort", rpcPort);
    if (taskManagers < 1) {
      throw new IllegalArgumentException("taskManagers must be >= 1, was " + taskManagers);
    }
    if (slotsPerTaskManager < 1) {
      throw new IllegalArgumentException("slotsPerTaskManager must be >= 1, was " + slotsPerTaskManager);
    }
    Objects.requireNonNull(jobManagerMemory, "jobManagerMemory");
    Objects.requireNonNull(taskManagerMemory, "taskManagerMemory");
    Objects.requireNonNull(managedMemory, "managedMemory");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(launcher, "launcher");
  }

  /** Defaults of {@code ./minsheng cluster start}: 1 TaskManager with 2 slots, REST on 8081. */
  public static ClusterSpec defaults(Path workDirectory, JvmLauncher launcher) {
    return new ClusterSpec(workDirectory, DEFAULT_REST_PORT, DEFAULT_RPC_PORT, 1, 2, "1024m", "2048m", "128m",
        Duration.ofSeconds(10), launcher);
  }

  public ClusterSpec withPorts(int rest, int rpc) {
    return new ClusterSpec(workDirectory, rest, rpc, taskManagers, slotsPerTaskManager, jobManagerMemory,
        taskManagerMemory, managedMemory, heartbeatTimeout, launcher);
  }

  public ClusterSpec withTaskManagers(int count, int slots) {
    return new ClusterSpec(workDirectory, restPort, rpcPort, count, slots, jobManagerMemory, taskManagerMemory,
        managedMemory, heartbeatTimeout, launcher);
  }

  public ClusterSpec withMemory(String jobManager, String taskManager) {
    return new ClusterSpec(workDirectory, restPort, rpcPort, taskManagers, slotsPerTaskManager, jobManager, taskManager,
        managedMemory, heartbeatTimeout, launcher);
  }

  public Path configDirectory() {
    return workDirectory.resolve("conf");
  }

  public Path logDirectory() {
    return workDirectory.resolve("log");
  }

  public Path tmpDirectory() {
    return workDirectory.resolve("tmp");
  }

  public Path checkpointDirectory() {
    return workDirectory.resolve("checkpoints");
  }

  public String restUrl() {
    return "http://127.0.0.1:" + restPort;
  }

  private static void requirePort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be a port between 1 and 65535, was " + port);
    }
  }

  /** How a cluster JVM is launched: the java binary, the classpath, and options every JVM gets. */
  public record JvmLauncher(Path java, String classpath, List<String> jvmOptions) {
    public JvmLauncher {
      Objects.requireNonNull(java, "java");
      Objects.requireNonNull(classpath, "classpath");
      jvmOptions = List.copyOf(jvmOptions);
    }
  }
}
