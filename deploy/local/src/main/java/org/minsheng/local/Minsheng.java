package org.minsheng.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ./minsheng} launcher. Sub-commands are contributed by the modules through
 * {@link ServiceLoader} ({@code META-INF/services/org.minsheng.cli.CliCommand}); words shared by several commands
 * ({@code eval}, {@code bench}, {@code train}, …) become command groups with their own {@code --help}.
 */
@Command(name = "minsheng", mixinStandardHelpOptions = true, version = "Minsheng (民声) 0.1.0",
    description = "Minsheng (民声) public-opinion monitoring: run the local stack, crawl, evaluate, benchmark.",
    subcommandsRepeatable = false)
public final class Minsheng implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A node in the command tree that only groups sub-commands. */
  @Command(mixinStandardHelpOptions = true)
  static final class Group implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: choose one of "
          + String.join(", ", spec.subcommands().keySet()));
    }
  }

  /** Builds the command tree from every {@link CliCommand} on the classpath. */
  static CommandLine commandLine(Iterable<CliCommand> commands) {
    CommandLine root = new CommandLine(new Minsheng());
    List<CliCommand> sorted = new ArrayList<>();
    commands.forEach(sorted::add);
    sorted.sort(Comparator.comparing(c -> String.join(" ", c.path())));
    Map<String, CommandLine> groups = new LinkedHashMap<>();
    for (CliCommand command : sorted) {
      List<String> path = command.path();
      CommandLine parent = root;
      for (int i = 0; i < path.size() - 1; i++) {
        String key = String.join(" ", path.subList(0, i + 1));
        CommandLine current = parent;
        String word = path.get(i);
        parent = groups.computeIfAbsent(key, k -> {
          CommandLine group = new CommandLine(new Group());
          group.getCommandSpec().usageMessage().description(word + " commands");
          current.addSubcommand(word, group);
          return group;
        });
      }
      parent.addSubcommand(path.get(path.size() - 1), new CommandLine(command));
    }
    return root;
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine(ServiceLoader.load(CliCommand.class));
    int code = cli.execute(args);
    System.exit(code);
  }
}
