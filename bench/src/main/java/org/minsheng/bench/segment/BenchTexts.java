package org.minsheng.bench.segment;

import java.time.Instant;
import java.util.List;
import org.minsheng.bench.corpus.CorpusGenerator;
import org.minsheng.bench.corpus.CorpusSpec;
import org.minsheng.post.Post;

/** The posts the micro-benchmarks cycle through: 2,000 generated posts, seed 42 (same mix as the harnesses). */
final class BenchTexts {
  static final int SIZE = 2000;

  private BenchTexts() {}

  static List<Post> posts() {
    return CorpusGenerator.generate(CorpusSpec.defaults(42, Instant.parse("2026-11-01T00:00:00Z"), 20), SIZE);
  }
}
