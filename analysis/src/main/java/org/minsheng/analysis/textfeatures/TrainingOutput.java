package org.minsheng.analysis.textfeatures;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code train} commands share around a trained model: writing it to its file and printing the JSON report
 * (file and size first, run time last; each command adds its own figures in between).
 */
public final class TrainingOutput {
  private TrainingOutput() {}

  /** Writes {@code model} to {@code file} (creating its folder) and starts the report with the file and its size. */
  public static Map<String, Object> writeModel(LinearClassifier model, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (OutputStream os = Files.newOutputStream(file)) {
      model.write(os);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", file.toString());
    report.put("bytes", Files.size(file));
    return report;
  }

  /** Adds the seconds since {@code startNanos} (two decimals) and prints the report as one JSON object on stdout. */
  public static void print(Map<String, Object> report, long startNanos) {
    report.put("seconds", Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0);
    System.out.println(JsonOut.write(report));
  }
}
