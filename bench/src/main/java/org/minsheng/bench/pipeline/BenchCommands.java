package org.minsheng.bench.pipeline;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.minsheng.bench.latency.LatencyCommand;
import picocli.CommandLine;

/**
 * Runs a bench command without the {@code ./minsheng} launcher (e.g. when another module does not build):
 * {@code java -Dlog4j2.configurationFile=classpath:log4j2-bench.xml -cp 'bench/target/classes:bench/target/lib/*'
 * org.minsheng.bench.pipeline.BenchCommands pipeline --posts 20000}.
 */
public final class BenchCommands {
  private static final Map<String, Supplier<Callable<Integer>>> COMMANDS =
      Map.of("pipeline", PipelineCommand::new, "latency", LatencyCommand::new);

  private BenchCommands() {}

  public static void main(String[] args) {
    if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
      System.err.println("usage: BenchCommands " + COMMANDS.keySet() + " [options]");
      System.exit(2);
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.exit(new CommandLine(COMMANDS.get(args[0]).get()).execute(rest));
  }
}
