package org.minsheng.bench.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Jazzer (libFuzzer) log says about a run: the number of inputs executed ({@code Done N runs}, the final
 * {@code stat::number_of_executed_units}, or else the last {@code #N} status line when the run was cut short), and the
 * findings ({@code == Java Exception:} headers with their {@code DEDUP_TOKEN}, timeouts, out-of-memory).
 */
public final class LibFuzzerLog {
  private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second");
  private static final Pattern STAT = Pattern.compile("^stat::number_of_executed_units:\\s*(\\d+)");
  private static final Pattern STATUS = Pattern.compile("^#(\\d+)\\s");
  private static final Pattern INITED = Pattern.compile("^#\\d+\\s+INITED ");
  private static final Pattern EXCEPTION = Pattern.compile("^== Java Exception: (.*)$");
  private static final Pattern DEDUP = Pattern.compile("^DEDUP_TOKEN: (\\S+)");
  private static final Pattern LIBFUZZER_ERROR = Pattern.compile("^==\\d+== ERROR: libFuzzer: (.*)$");

  private long executions;
  private boolean finished;
  private long fuzzingSeconds = -1;
  private volatile boolean fuzzing;
  private final List<String> findings = new ArrayList<>();
  private final Set<String> dedupTokens = new LinkedHashSet<>();

  /** Feeds one line of the child's combined stdout/stderr. */
  public void accept(String line) {
    Matcher m;
    if ((m = DONE.matcher(line)).find()) {
      fuzzingSeconds = Long.parseLong(m.group(2));
    }
    if ((m = DONE.matcher(line)).find() || (m = STAT.matcher(line)).find()) {
      executions = Math.max(executions, Long.parseLong(m.group(1)));
      finished = true;
    } else if ((m = STATUS.matcher(line)).find()) {
      if (INITED.matcher(line).find()) {
        fuzzing = true;
      }
      executions = Math.max(executions, Long.parseLong(m.group(1)));
    } else if ((m = EXCEPTION.matcher(line)).find()) {
      findings.add(m.group(1).strip());
    } else if ((m = DEDUP.matcher(line)).find()) {
      dedupTokens.add(m.group(1));
    } else if ((m = LIBFUZZER_ERROR.matcher(line)).find()) {
      findings.add("libFuzzer: " + m.group(1).strip());
    }
  }

  public long executions() {
    return executions;
  }

  /** True once libFuzzer has loaded the corpus and started fuzzing ({@code #N INITED}); read by another thread. */
  public boolean fuzzing() {
    return fuzzing;
  }

  /** Seconds libFuzzer spent fuzzing ({@code Done N runs in S seconds}), -1 when it did not say. */
  public long fuzzingSeconds() {
    return fuzzingSeconds;
  }

  /** True when libFuzzer reported its totals (a clean end, not a kill). */
  public boolean finished() {
    return finished;
  }

  /** One line per finding, in the order they were reported. */
  public List<String> findings() {
    return List.copyOf(findings);
  }

  public Set<String> dedupTokens() {
    return Set.copyOf(dedupTokens);
  }
}
