package org.minsheng.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Peak resident set size of a process: {@code VmHWM} in {@code /proc/<pid>/status} (Linux). */
public final class PeakRss {
  private PeakRss() {}

  /** Peak RSS in KiB, empty when the process is gone or /proc is unavailable. */
  public static OptionalLong kib(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Peak RSS in MiB rounded, or -1 when unknown. */
  public static long mib(long pid) {
    OptionalLong k = kib(pid);
    return k.isPresent() ? Math.round(k.getAsLong() / 1024.0) : -1;
  }

  /** Of {@code processes}, the one with the largest peak RSS (the Elasticsearch server JVM in a launcher's tree). */
  public static long largestMib(List<ProcessHandle> processes) {
    return processes.stream().mapToLong(p -> mib(p.pid())).max().orElse(-1);
  }
}
