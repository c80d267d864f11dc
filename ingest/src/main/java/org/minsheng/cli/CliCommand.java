package org.minsheng.cli;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A sub-command of the {@code ./minsheng} launcher. Implementations are picocli {@code @Command} classes (options as
 * annotated fields, {@code mixinStandardHelpOptions = true}), registered in their module's
 * {@code META-INF/services/org.minsheng.cli.CliCommand}; the launcher finds them with {@link java.util.ServiceLoader}.
 *
 * <p>{@link #call()} returns the process exit code. Commands that print results print one JSON object on stdout and
 * logs on stderr.
 */
public interface CliCommand extends Callable<Integer> {

  /** The words that select this command after {@code minsheng}, e.g. {@code List.of("eval", "sentiment")}. */
  List<String> path();
}
