package org.minsheng.bench.extract;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.minsheng.config.SharedData;
import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.clean.CleaningChain;
import org.minsheng.ingest.extract.Article;
import org.minsheng.ingest.extract.ArticleExtractor;

/**
 * Pages per CPU-second of decode + extract + clean on one thread, measured with the thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}) rather than wall time. On a shared, oversubscribed machine (the
 * team's 2-core box ran at load 15–20) JMH's wall-clock throughput measures the queue for the CPU; CPU time measures
 * the work. Complements {@link ExtractBenchmark}; prints one JSON object.
 *
 * <p>Run: {@code java -cp 'bench/target/lib/*:bench/target/classes' org.minsheng.bench.extract.ExtractCpuHarness
 * [pagesDir] [rounds]}
 */
public final class ExtractCpuHarness {
  private ExtractCpuHarness() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : SharedData.resolve("data/extraction/gne_test_pages/tests")
        .orElseThrow(() -> new IllegalStateException("shared data folder not found: pass a pages directory"));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<byte[]> pages;
    try (Stream<Path> s = Files.walk(dir)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().map(ExtractCpuHarness::read).toList();
    }
    long bytes = pages.stream().mapToLong(b -> b.length).sum();
    HtmlDecoder decoder = new HtmlDecoder();
    ArticleExtractor extractor = new ArticleExtractor();
    CleaningChain chain = CleaningChain.fromDefaults();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int warmup = Math.max(3, rounds / 4);
    long extractNs = 0;
    long cleanNs = 0;
    int sink = 0;
    for (int r = 0; r < warmup + rounds; r++) {
      for (byte[] b : pages) {
        long t0 = cpu.getCurrentThreadCpuTime();
        Article a = extractor.extract(decoder.decode(b, null).html(), null);
        long t1 = cpu.getCurrentThreadCpuTime();
        sink += chain.clean(a.body()).length();
        long t2 = cpu.getCurrentThreadCpuTime();
        if (r >= warmup) {
          extractNs += t1 - t0;
          cleanNs += t2 - t1;
        }
      }
    }
    long n = (long) pages.size() * rounds;
    System.out.println(String.format(Locale.ROOT,
        "{\"pages\":%d,\"rounds\":%d,\"meanPageKB\":%.1f,\"decodeExtractPagesPerCpuSecond\":%.1f,"
            + "\"decodeExtractCleanPagesPerCpuSecond\":%.1f,\"cleanMsPerPage\":%.2f,\"checksum\":%d}",
        pages.size(), rounds, bytes / 1024.0 / pages.size(), n / (extractNs / 1e9), n / ((extractNs + cleanNs) / 1e9),
        cleanNs / 1e6 / n, sink));
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + p, e);
    }
  }
}
