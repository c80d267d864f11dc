package org.minsheng.bench.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Jazzer {@code @FuzzTest} of the project: the module whose test classes hold it, the class and method, and the
 * packages Jazzer instruments for coverage while fuzzing it.
 *
 * @param name short name used by {@code --target}
 * @param module Maven module directory (its {@code target/test-classes} goes on the child's class path)
 * @param instrument Jazzer {@code --instrumentation_includes} globs, {@code :}-separated
 * @param disabledHooks Jazzer {@code --disabled_hooks} (hook classes not loaded), {@code :}-separated; empty for none
 * @param instrumentExcludes Jazzer {@code --instrumentation_excludes}: classes that run but are neither
 *     coverage-instrumented nor hooked, {@code :}-separated; empty for none
 */
public record FuzzTarget(String name, String module, String testClass, String method, String instrument,
    String disabledHooks, String instrumentExcludes) {

  /**
   * Jazzer's regex "roadblock" hooks: inside {@code java.util.regex}, at every node of every match attempt, they hand
   * libFuzzer the text still to be matched (re-encoded each time), so a {@code find()} over a page costs time
   * quadratic in its length. The news target matches dozens of patterns against whole pages and lines (dates,
   * bylines, meta charset, boilerplate): with these hooks on, they took most of each input's time. Its dictionary
   * ({@link #dictionary}) gives the mutator the patterns' literals instead.
   */
  static final String REGEX_ROADBLOCKS = "com.code_intelligence.jazzer.sanitizers.RegexRoadblocks";

  /**
   * The traditional → simplified table look-ups (tens of thousands of keys, most look-ups misses): Jazzer's
   * {@code Map.get} hook walks the map's keys for the ones around each missed key and passes them to libFuzzer, a
   * third of the news target's time after the regex hooks were off. Built-in hooks follow the coverage
   * instrumentation ({@code --custom_hook_excludes} does not remove them), so this class runs on every input
   * uninstrumented: its two paths (convert or not) are covered by its unit tests, and the dictionary holds
   * traditional phrases so inputs over the 3% threshold keep coming. The look-ups themselves are in
   * {@code LongestMatchReplacer}, which the filter shares with the job's normalise stage.
   */
  static final String T2S_TABLE =
      "org.minsheng.ingest.clean.TraditionalToSimplifiedFilter:org.minsheng.text.LongestMatchReplacer";

  public FuzzTarget(String name, String module, String testClass, String method, String instrument) {
    this(name, module, testClass, method, instrument, "", "");
  }

  /** Every fuzz target in the project, in the order a full run visits them. */
  public static final List<FuzzTarget> ALL = List.of(
      new FuzzTarget("news", "ingest", "org.minsheng.ingest.news.NewsArticleFuzzTest", "articlePageGivesAnOutcome",
          "org.minsheng.**", REGEX_ROADBLOCKS, T2S_TABLE),
      new FuzzTarget("weibo", "ingest", "org.minsheng.ingest.weibo.WeiboJsonFuzzTest", "apiAnswerGivesAnOutcome",
          "org.minsheng.**:com.fasterxml.jackson.**"),
      new FuzzTarget("post", "ingest", "org.minsheng.post.PostCodecFuzzTest", "decodeAcceptsOrRejectsWithAReason",
          "org.minsheng.**:com.fasterxml.jackson.**"),
      new FuzzTarget("watch", "analysis", "org.minsheng.analysis.alert.watch.WatchExpressionFuzzTest",
          "parsesOrRejectsWithAColumn", "org.minsheng.**"));

  public static Optional<FuzzTarget> named(String name) {
    return ALL.stream().filter(t -> t.name.equals(name)).findFirst();
  }

  /** Compiled test classes of the module. */
  public Path testClasses(Path projectRoot) {
    return projectRoot.resolve(module).resolve("target/test-classes");
  }

  /** The seed corpus Jazzer's JUnit integration replays in regression mode ({@code <Class>Inputs/<method>/}). */
  public Path seeds(Path projectRoot) {
    return projectRoot.resolve(module).resolve("src/test/resources")
        .resolve(testClass.replace('.', '/') + "Inputs").resolve(method);
  }

  /** The target's libFuzzer dictionary ({@code <Class>Inputs/<method>.dict} next to the seeds), used when present. */
  public Path dictionary(Path projectRoot) {
    Path seeds = seeds(projectRoot);
    return seeds.resolveSibling(seeds.getFileName() + ".dict");
  }
}
