package org.minsheng.bench.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.minsheng.config.SharedData;
import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.clean.CleaningChain;
import org.minsheng.ingest.extract.Article;
import org.minsheng.ingest.extract.ArticleExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second of decode (bytes → text) + parse and extract ({@link ArticleExtractor}) + clean
 * ({@link CleaningChain} defaults) on one thread, over real Chinese news pages: GNE's 62 test pages from the shared data
 * folder ({@code data/extraction/gne_test_pages/tests}, 14–520 KB, median ~90 KB), or the directory given with
 * {@code -p pages=DIR}. One operation = one page, taken round-robin.
 *
 * <p>Run: {@code java -cp 'bench/target/lib/*:bench/target/classes' org.openjdk.jmh.Main ExtractBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ExtractBenchmark {

  /** Directory of *.html pages (searched recursively); empty = the GNE pages in the shared data folder. */
  @Param("")
  public String pages;

  private final List<byte[]> bodies = new ArrayList<>();
  private HtmlDecoder decoder;
  private ArticleExtractor extractor;
  private CleaningChain chain;
  private int next;

  @Setup
  public void load() throws IOException {
    Path dir = pages.isEmpty()
        ? SharedData.resolve("data/extraction/gne_test_pages/tests").orElseThrow(() -> new IllegalStateException(
            "shared data folder not found: set MINSHENG_SHARED_DIR or pass -p pages=DIR"))
        : Path.of(pages);
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        bodies.add(Files.readAllBytes(p));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (bodies.isEmpty()) {
      throw new IllegalStateException("no .html pages under " + dir);
    }
    decoder = new HtmlDecoder();
    extractor = new ArticleExtractor();
    chain = CleaningChain.fromDefaults();
  }

  private byte[] nextPage() {
    byte[] b = bodies.get(next);
    next = (next + 1) % bodies.size();
    return b;
  }

  /** The full ingest text path: decode + parse/extract + clean. */
  @Benchmark
  public String decodeExtractClean() {
    Article a = extractor.extract(decoder.decode(nextPage(), null).html(), null);
    return chain.clean(a.body());
  }

  /** Without cleaning, to show what the chain costs. */
  @Benchmark
  public Article decodeExtract() {
    return extractor.extract(decoder.decode(nextPage(), null).html(), null);
  }
}
