package org.minsheng.local.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * JVM memory options ({@code -Xmx -Xms -XX:MaxDirectMemorySize -XX:MaxMetaspaceSize}) and the dynamic properties
 * ({@code -D taskmanager.memory.*=…}) of a JobManager or TaskManager, computed from the configuration exactly as
 * Flink's {@code BashJavaUtils} (GET_TM_RESOURCE_PARAMS / GET_JM_RESOURCE_PARAMS) does for its start scripts, with
 * the same utilities, in-process.
 */
public record ProcessResources(List<String> jvmOptions, List<String> dynamicProperties) {

  public ProcessResources {
    jvmOptions = List.copyOf(jvmOptions);
    dynamicProperties = List.copyOf(dynamicProperties);
  }

  public static ProcessResources taskManager(Configuration conf) {
    TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);
    return new ProcessResources(split(ProcessMemoryUtils.generateJvmParametersStr(spec)),
        split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
  }

  public static ProcessResources jobManager(Configuration conf) {
    JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(conf);
    return new ProcessResources(split(JobManagerProcessUtils.generateJvmParametersStr(spec, conf)),
        split(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
  }

  private static List<String> split(String options) {
    String trimmed = options.trim();
    return trimmed.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(trimmed.split("\\s+")));
  }
}
