package org.minsheng.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench fuzz --minutes M [--target NAME]…}: coverage-guided fuzzing of the parsers that read hostile
 * input (docs/FUZZING.md). Each target runs for M minutes in its own child JVM ({@link JazzerRun}); the command prints
 * one JSON object with, per target, the inputs tried, the rate, the findings and the files holding them. Exit code 0
 * when no target has a finding, 1 otherwise.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = "Fuzz the HTML/news, Weibo JSON, Post NDJSON and watch-expression parsers with Jazzer; prints inputs tried and findings as JSON.")
public final class FuzzCommand implements CliCommand {
  @Option(names = "--minutes", required = true, description = "Fuzzing time per target, in minutes (fractions allowed).")
  double minutes;

  @Option(names = "--target", description = "Target to fuzz (repeatable): news, weibo, post, watch (default: all).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--project", description = "Project root holding the built modules (default: the current directory, "
      + "else the one the launcher runs from).")
  Path project;

  @Option(names = "--work", description = "Where corpora, findings and logs go (default: <project>/target/fuzz).")
  Path work;

  @Option(names = "--input-timeout", defaultValue = "30",
      description = "Seconds one input may take before it counts as a hang (default: ${DEFAULT-VALUE}).")
  int inputTimeout;

  @Option(names = "--rss-limit-mb", defaultValue = "2560",
      description = "Resident memory of the fuzzing JVM above which the input counts as unbounded memory (default: ${DEFAULT-VALUE}).")
  int rssLimitMb;

  @Option(names = "--heap", defaultValue = "1g", description = "Heap of the fuzzing JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--max-len", defaultValue = "16384", description = "Largest input in bytes (default: ${DEFAULT-VALUE}).")
  int maxLen;

  @Override
  public List<String> path() {
    return List.of("bench", "fuzz");
  }

  @Override
  public Integer call() throws Exception {
    if (minutes <= 0) {
      throw new IllegalArgumentException("--minutes must be > 0");
    }
    List<FuzzTarget> chosen = new ArrayList<>();
    for (String name : targets.isEmpty() ? FuzzTarget.ALL.stream().map(FuzzTarget::name).toList() : targets) {
      chosen.add(FuzzTarget.named(name).orElseThrow(() -> new IllegalArgumentException("unknown --target " + name
          + "; known: " + FuzzTarget.ALL.stream().map(FuzzTarget::name).toList())));
    }
    Path root = ProjectRoot.find(project, Path.of(System.getProperty("user.dir")), System.getProperty("java.class.path"));
    Path out = work != null ? work : root.resolve("target/fuzz");
    JazzerRun runner = new JazzerRun(root, System.getProperty("java.class.path"));
    JazzerRun.Limits limits = new JazzerRun.Limits(Duration.ofMillis(Math.round(minutes * 60_000)), inputTimeout, rssLimitMb,
        heap, maxLen);

    ObjectMapper json = new ObjectMapper();
    ObjectNode report = json.createObjectNode();
    report.put("minutesPerTarget", minutes);
    report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    report.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ArrayNode results = report.putArray("targets");
    int totalFindings = 0;
    for (FuzzTarget target : chosen) {
      Path dir = out.resolve(target.name());
      Files.createDirectories(dir);
      JazzerRun.Result r = runner.run(target, limits, dir);
      int findings = Math.max(r.findings().size(), r.findingFiles().size());
      totalFindings += findings;
      ObjectNode t = results.addObject();
      t.put("target", target.name());
      t.put("fuzzTest", target.testClass() + "#" + target.method());
      t.put("executions", r.executions());
      t.put("durationSeconds", Math.round(r.seconds() * 10) / 10.0);
      // Rate over libFuzzer's own fuzzing time (JVM start and instrumentation excluded) when it reported one.
      double rateSeconds = r.fuzzingSeconds() > 0 ? r.fuzzingSeconds() : r.seconds();
      t.put("fuzzingSeconds", r.fuzzingSeconds());
      t.put("executionsPerSecond", rateSeconds > 0 ? Math.round(r.executions() / rateSeconds) : 0);
      t.put("findings", findings);
      r.findings().forEach(t.withArray("findingSummaries")::add);
      r.findingFiles().forEach(p -> t.withArray("findingFiles").add(p.toString()));
      t.put("fuzzerExitCode", r.exitCode());
      t.put("completed", r.finished());
      t.put("log", r.log().toString());
      t.put("corpus", r.corpus().toString());
      if (r.executions() < 1_000_000 && r.executions() > 0) {
        double minutesFor1M = 1_000_000 * rateSeconds / r.executions() / 60;
        t.put("minutesFor1MAtThisRate", Math.round(minutesFor1M));
      }
    }
    report.put("totalFindings", totalFindings);
    System.out.println(json.writeValueAsString(report));
    return totalFindings == 0 ? 0 : 1;
  }
}
