package org.minsheng.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LibFuzzerLogTest {

  @Test
  void aCleanRunReportsItsTotalAndNoFinding() {
    LibFuzzerLog log = new LibFuzzerLog();
    log.accept("#2\tINITED cov: 178 ft: 568 corp: 12/300b exec/s: 0 rss: 600Mb");
    log.accept("#480000\tREDUCE cov: 193 ft: 792 corp: 168/6634b lim: 191 exec/s: 5300 rss: 700Mb L: 180/180");
    log.accept("Done 480385 runs in 91 second(s)");
    log.accept("stat::number_of_executed_units: 480385");
    assertThat(log.fuzzing()).isTrue();
    assertThat(log.executions()).isEqualTo(480_385);
    assertThat(log.fuzzingSeconds()).isEqualTo(91);
    assertThat(log.finished()).isTrue();
    assertThat(log.findings()).isEmpty();
  }

  @Test
  void findingsAndACutShortRunAreCounted() {
    LibFuzzerLog log = new LibFuzzerLog();
    log.accept("#7056\tNEW    cov: 179 ft: 575 corp: 102/3481b lim: 58 exec/s: 7056 rss: 623Mb");
    log.accept("== Java Exception: java.time.DateTimeException: Invalid value for MonthOfYear: 13");
    log.accept("\tat java.base/java.time.Month.of(Month.java:187)");
    log.accept("DEDUP_TOKEN: 7f008a3414e328e7");
    log.accept("==1234== ERROR: libFuzzer: timeout after 30 seconds");
    assertThat(log.fuzzing()).as("no INITED line seen").isFalse();
    assertThat(log.executions()).isEqualTo(7056);
    assertThat(log.finished()).isFalse();
    assertThat(log.fuzzingSeconds()).isEqualTo(-1);
    assertThat(log.findings()).containsExactly("java.time.DateTimeException: Invalid value for MonthOfYear: 13",
        "libFuzzer: timeout after 30 seconds");
    assertThat(log.dedupTokens()).containsExactly("7f008a3414e328e7");
  }

  @Test
  void everyTargetKnowsItsSeedsAndTestClasses() {
    Path root = Path.of("/p");
    FuzzTarget watch = FuzzTarget.named("watch").orElseThrow();
    assertThat(watch.seeds(root)).isEqualTo(Path.of("/p/analysis/src/test/resources/org/minsheng/analysis/alert/watch/"
        + "WatchExpressionFuzzTestInputs/parsesOrRejectsWithAColumn"));
    assertThat(watch.testClasses(root)).isEqualTo(Path.of("/p/analysis/target/test-classes"));
    assertThat(FuzzTarget.ALL).extracting(FuzzTarget::name).containsExactly("news", "weibo", "post", "watch");
  }

  @Test
  void everyTargetPointsAtAnExistingSeedCorpusAndFuzzTestSource() {
    Path root = ProjectRoot.find(null, Path.of("").toAbsolutePath(), "");
    for (FuzzTarget t : FuzzTarget.ALL) {
      assertThat(t.seeds(root)).as(t.name()).isDirectoryContaining(p -> true);
      assertThat(root.resolve(t.module()).resolve("src/test/java").resolve(t.testClass().replace('.', '/') + ".java"))
          .as(t.name()).content().contains("void " + t.method() + "(byte[] input)");
    }
  }

  @Test
  void theNewsTargetRunsWithoutTheQuadraticRegexHooksAndWithItsDictionary() throws java.io.IOException {
    Path root = ProjectRoot.find(null, Path.of("").toAbsolutePath(), "");
    FuzzTarget news = FuzzTarget.named("news").orElseThrow();
    java.util.List<String> cmd = new JazzerRun(root, "").command(news,
        new JazzerRun.Limits(java.time.Duration.ofMinutes(1), 30, 2560, "1g", 16384), Path.of("/w"));
    assertThat(cmd).contains("--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks",
        "--instrumentation_excludes=org.minsheng.ingest.clean.TraditionalToSimplifiedFilter"
            + ":org.minsheng.text.LongestMatchReplacer", "-dict=" + news.dictionary(root),
        "--instrumentation_includes=org.minsheng.**", "-max_len=16384");
    // libFuzzer rejects a dictionary with a malformed line: every entry is one quoted, escaped, printable-ASCII token
    java.util.List<String> entries = java.nio.file.Files.readAllLines(news.dictionary(root)).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(entries).hasSizeGreaterThan(100).allMatch(l -> l.matches("\"([\\x20-\\x7e&&[^\"\\\\]]|\\\\x[0-9A-F]{2}|\\\\[\"\\\\])+\""), "quoted token");
    FuzzTarget weibo = FuzzTarget.named("weibo").orElseThrow();
    assertThat(new JazzerRun(root, "").command(weibo, new JazzerRun.Limits(java.time.Duration.ofMinutes(1), 30, 2560, "1g", 16384),
        Path.of("/w"))).noneMatch(a -> a.startsWith("--disabled_hooks") || a.startsWith("-dict="));
  }
}
