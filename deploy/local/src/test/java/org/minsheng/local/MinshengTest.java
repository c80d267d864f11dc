package org.minsheng.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class MinshengTest {

  @Command(name = "sentiment", mixinStandardHelpOptions = true, description = "Evaluates sentiment.")
  static final class EvalSentiment implements CliCommand {
    @Option(names = "--input", required = true) String input;
    static String seen;

    @Override public List<String> path() { return List.of("eval", "sentiment"); }

    @Override public Integer call() {
      seen = input;
      return 0;
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true, description = "Starts the demo.")
  static final class Demo implements CliCommand {
    @Override public List<String> path() { return List.of("demo"); }

    @Override public Integer call() { return 3; }
  }

  private static String run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return code + "|" + out + err;
  }

  @Test
  void dispatchesNestedAndTopLevelCommands() {
    CommandLine cli = Minsheng.commandLine(List.of(new EvalSentiment(), new Demo()));
    assertThat(run(cli, "eval", "sentiment", "--input", "x.csv")).startsWith("0|");
    assertThat(EvalSentiment.seen).isEqualTo("x.csv");
    assertThat(run(cli, "demo")).startsWith("3|");
  }

  @Test
  void helpListsCommandsAndGroupsNeedASubCommand() {
    CommandLine cli = Minsheng.commandLine(List.of(new EvalSentiment(), new Demo()));
    assertThat(run(cli, "--help")).contains("demo").contains("eval");
    assertThat(run(cli, "eval", "--help")).contains("sentiment");
    assertThat(run(cli, "eval")).startsWith("2|").contains("Missing sub-command: choose one of sentiment");
    assertThat(run(cli, "eval", "sentiment")).startsWith("2|").contains("Missing required option: '--input");
  }
}
