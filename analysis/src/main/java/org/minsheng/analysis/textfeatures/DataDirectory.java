package org.minsheng.analysis.textfeatures;

import java.nio.file.Files;
import java.nio.file.Path;
import org.minsheng.config.SharedData;
import picocli.CommandLine;

/** Resolves a command's {@code --data} option: the given folder, else the shared {@code data/} folder. */
public final class DataDirectory {
  private DataDirectory() {}

  public static Path resolve(Path option, CommandLine.Model.CommandSpec spec) {
    if (option != null) {
      if (!Files.isDirectory(option)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--data " + option + " is not a directory");
      }
      return option;
    }
    return SharedData.resolve("data").orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "no --data given and no shared/data folder found (set " + SharedData.ENV + ")"));
  }
}
