package org.minsheng.bench.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.minsheng.cli.CliCommand;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng bench corpus --posts N (--spool DIR | --out FILE)}: writes generated posts into a spool directory
 * (through {@link SpoolDirectoryWriter}, optionally at a steady rate, e.g. to feed a running demo) or into an NDJSON
 * file (for {@code --replay} or other tools). Same seed, same posts.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = "Write generated Chinese posts (Weibo, forum, news; reposts, replies, reprints, bursts, spam) to a spool directory or an NDJSON file.")
public final class CorpusCommand implements CliCommand {
  @Option(names = "--posts", required = true, description = "Number of posts.")
  long posts;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate", defaultValue = "0",
      description = "Posts per second written to the spool; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--live", description = "publishedAt = the moment of writing (default: a publishing timeline starting yesterday 00:00 UTC).")
  boolean live;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--spool", description = "Spool directory to write into.")
    Path spool;

    @Option(names = "--out", description = "NDJSON file to write.")
    Path out;
  }

  @Override
  public List<String> path() {
    return List.of("bench", "corpus");
  }

  @Override
  public Integer call() throws Exception {
    if (posts < 1 || rate < 0) {
      throw new IllegalArgumentException("--posts must be >= 1 and --rate >= 0");
    }
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
    CorpusGenerator generator = new CorpusGenerator(CorpusSpec.defaults(seed, start, 20));
    long written;
    if (target.spool != null) {
      try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(target.spool, 5000, Duration.ofMillis(500))) {
        SpoolFeeder feeder = new SpoolFeeder(writer, Clock.systemUTC(), live);
        written = rate > 0 ? feeder.writeAtRate(generator, rate, posts / rate, 500) : feeder.writeAll(generator, posts);
      }
    } else {
      PostCodec codec = new PostCodec();
      try (BufferedWriter out = Files.newBufferedWriter(target.out, StandardCharsets.UTF_8)) {
        for (written = 0; written < posts; written++) {
          Post p = generator.next();
          out.write(codec.encode(live ? p.toBuilder().publishedAt(Instant.now()).build() : p));
          out.write('\n');
        }
      }
    }
    ObjectNode result = new ObjectMapper().createObjectNode()
        .put("posts", written).put("seed", seed)
        .put("target", (target.spool != null ? target.spool : target.out).toAbsolutePath().toString());
    System.out.println(result);
    return 0;
  }
}
