package org.minsheng.analysis.textfeatures;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --data} option shared by the training and development commands (a picocli mixin), resolved by
 * {@link DataDirectory}: the given folder, else the shared {@code data/} folder.
 */
public final class DataOption {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", description = "Data folder (layout of shared/data). Default: the shared folder.")
  Path data;

  /** The data folder to read; a usage error of the command when it is missing. */
  public Path resolve() {
    return DataDirectory.resolve(data, spec);
  }
}
