package org.minsheng.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.ingest.testing.FixtureServer;
import org.minsheng.ingest.testing.FixtureSites;
import org.minsheng.ingest.testing.SpoolReader;
import org.minsheng.post.Post;

/**
 * A crawl child process is killed with kill -9 (destroyForcibly) while it crawls a local fixture site, restarted,
 * and must finish with every post in the spool exactly once.
 */
class KillNineResumeITCase {
  @TempDir
  Path dir;

  @Test
  void killedCrawlResumesWithoutDuplicatesOrLosses() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      FixtureSites.install(server, 15);
      Path spool = dir.resolve("spool");
      Path config = dir.resolve("crawl.yaml");
      Files.writeString(config, FixtureSites.config(server, dir.resolve("store/crawl.mv.db").toString(), spool.toString(), "PT0.03S"),
          StandardCharsets.UTF_8);

      Process first = child(config, dir.resolve("run1.log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (posts(spool).size() < 12 && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(first.isAlive()).as("the first run must still be crawling when killed; log: %s", log(dir.resolve("run1.log"))).isTrue();
      first.destroyForcibly();
      first.waitFor(10, TimeUnit.SECONDS);
      int beforeKill = posts(spool).size();
      assertThat(beforeKill).isLessThan(FixtureSites.expectedPosts());

      Process second = child(config, dir.resolve("run2.log"));
      assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("second run finishes").isTrue();
      assertThat(second.exitValue()).as("exit code; log: %s", log(dir.resolve("run2.log"))).isZero();

      List<Post> all = posts(spool);
      List<String> ids = all.stream().map(Post::id).toList();
      Set<String> distinct = new HashSet<>(ids);
      assertThat(ids).as("no post emitted twice").hasSameSizeAs(distinct);
      assertThat(distinct).as("no post lost (killed after %d posts)", beforeKill).hasSize(FixtureSites.expectedPosts());
      assertThat(all).filteredOn(p -> p.platform().equals("news")).hasSize(FixtureSites.ARTICLES)
          .allSatisfy(p -> assertThat(p.text()).contains("城区遭遇强降雨"));
      assertThat(all).filteredOn(p -> p.platform().equals("forum") && p.parentId() != null)
          .hasSize(FixtureSites.THREADS * (FixtureSites.PAGES_PER_THREAD * FixtureSites.FLOORS_PER_PAGE - 1));
      assertThat(log(dir.resolve("run2.log"))).contains("posts handed over before");
    }
  }

  private Process child(Path config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrawlChild.class.getName(), "--config", config.toString(), "--once")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String log(Path p) throws IOException {
    if (!Files.exists(p)) {
      return "(no log)";
    }
    String s = Files.readString(p, StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  private static List<Post> posts(Path spool) throws IOException {
    return SpoolReader.posts(spool);
  }
}
