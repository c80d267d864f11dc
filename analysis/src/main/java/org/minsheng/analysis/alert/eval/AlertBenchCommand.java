package org.minsheng.analysis.alert.eval;

import java.nio.file.Path;
import java.util.List;
import org.minsheng.analysis.alert.AlertSettings;
import org.minsheng.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench alerts}: replays a synthetic background with injected bursts through the real alerting
 * code and prints {@code {"bursts":B,"detected":D,"median_delay_s":…,"p95_delay_s":…,"false_alarms_per_day":…}}.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Burst detection rate, delay (event time) and false alarms on a synthetic stream.")
public final class AlertBenchCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(AlertBenchCommand.class);

  @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--days", defaultValue = "7", description = "simulated days (default ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--scopes", defaultValue = "20", description = "watched keywords (default ${DEFAULT-VALUE})")
  int scopes;

  @Option(names = "--bursts-per-day", defaultValue = "4", description = "injected bursts per day (default ${DEFAULT-VALUE})")
  double burstsPerDay;

  @Option(names = "--min-burst-per-minute", defaultValue = "32",
      description = "bursts are raised to at least this many posts per minute (default ${DEFAULT-VALUE})")
  double minBurstPerMinute;

  @Option(names = "--late-share", defaultValue = "0",
      description = "share of posts that arrive after their window was counted (default ${DEFAULT-VALUE})")
  double lateShare;

  @Option(names = "--late-max", defaultValue = "PT5M",
      description = "late posts arrive up to this long after their window's end, uniformly (default ${DEFAULT-VALUE})")
  java.time.Duration lateMax;

  @Option(names = "--late-in-bursts-only", defaultValue = "false",
      description = "only posts inside injected bursts can be late: a burst from a slow source (default ${DEFAULT-VALUE})")
  boolean lateInBurstsOnly;

  @Option(names = "--config", description = "alert settings YAML overriding minsheng-analysis.yaml (alerts:)")
  Path config;

  @Override
  public List<String> path() {
    return List.of("bench", "alerts");
  }

  @Override
  public Integer call() {
    AlertSettings settings = AlertSettings.load(config, System.getenv());
    SyntheticStream stream = new SyntheticStream(seed, scopes, days, burstsPerDay, minBurstPerMinute);
    long t0 = System.nanoTime();
    AlertReplay.Result r = new AlertReplay(settings, lateShare, lateMax.toMillis(), seed + 1, lateInBurstsOnly)
        .run(stream);
    LOG.info("replayed {} posts in {} windows over {} days in {} ms; missed bursts: {}", r.posts(), r.windows(),
        days, (System.nanoTime() - t0) / 1_000_000, r.missed());
    System.out.println(r.toJson());
    return 0;
  }
}
