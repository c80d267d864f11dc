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
 */
public record FuzzTarget(String name, String module, String testClass, String method, String instrument) {

  /** Every fuzz target in the project, in the order a full run visits them. */
  public static final List<FuzzTarget> ALL = List.of(
      new FuzzTarget("news", "ingest", "org.minsheng.ingest.news.NewsArticleFuzzTest", "articlePageGivesAnOutcome",
          "org.minsheng.**"),
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
}
