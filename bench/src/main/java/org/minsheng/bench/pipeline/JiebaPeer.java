package org.minsheng.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python peer: jieba ({@code python3-jieba}, Debian) segmenting the same texts, as {@code processes} subprocesses
 * (one per core the job has; CPython segments on one core per process), each timing only its segmentation loop
 * ({@code jieba/segment.py} on this module's classpath). Posts/s = all posts / the slowest process's loop time.
 */
public final class JiebaPeer {
  private static final Logger LOG = LoggerFactory.getLogger(JiebaPeer.class);
  static final String SCRIPT = "org/minsheng/bench/pipeline/jieba_segment.py";

  /** The result: posts/s (null when jieba is unavailable), why it is null, and the largest process's peak RSS. */
  public record Result(Double postsPerSecond, String reason, String python, long peakRssMib) {}

  private JiebaPeer() {}

  /** Finds a Python with jieba, installing Debian's python3-jieba when running as root and it is missing. */
  static String python() throws InterruptedException {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      if (hasJieba(candidate)) {
        return candidate;
      }
    }
    if ("root".equals(System.getProperty("user.name"))) {
      LOG.info("bench: jieba not found, trying apt-get install -y python3-jieba");
      try {
        Process p = new ProcessBuilder("apt-get", "install", "-y", "python3-jieba")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (IOException e) {
        LOG.warn("bench: apt-get install python3-jieba failed: {}", e.toString());
      }
      if (hasJieba("/usr/bin/python3")) {
        return "/usr/bin/python3";
      }
    }
    return null;
  }

  private static boolean hasJieba(String python) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(python, "-c", "import jieba")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Segments {@code texts} with jieba in {@code processes} parallel subprocesses. */
  public static Result run(List<String> texts, int processes, Path work) throws Exception {
    String python = python();
    if (python == null) {
      return new Result(null, "python3 with jieba not found (/usr/bin/python3, python3 on PATH) and python3-jieba "
          + "could not be installed (needs root and the Debian archive)", null, -1);
    }
    Files.createDirectories(work);
    Path script = work.resolve("jieba_segment.py");
    try (InputStream in = JiebaPeer.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " missing from the classpath");
      }
      Files.write(script, in.readAllBytes());
    }
    List<Process> running = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Path slice = work.resolve("texts-" + i + ".txt");
      List<String> lines = new ArrayList<>();
      for (int j = i; j < texts.size(); j += processes) {
        lines.add(texts.get(j).replace('\n', ' ').replace('\r', ' '));
      }
      Files.write(slice, lines, StandardCharsets.UTF_8);
      running.add(new ProcessBuilder(python, script.toString(), slice.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    double slowest = 0;
    long rss = -1;
    long posts = 0;
    for (Process p : running) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0) {
        return new Result(null, "jieba subprocess failed with exit code " + p.exitValue(), python, -1);
      }
      JsonNode r = EsHttp.json().readTree(out);
      slowest = Math.max(slowest, r.path("seconds").asDouble());
      rss = Math.max(rss, Math.round(r.path("maxrss_kib").asLong() / 1024.0));
      posts += r.path("posts").asLong();
    }
    if (posts != texts.size()) {
      return new Result(null, "jieba processes segmented " + posts + " of " + texts.size() + " texts", python, rss);
    }
    return new Result(texts.size() / slowest, null, python, rss);
  }
}
