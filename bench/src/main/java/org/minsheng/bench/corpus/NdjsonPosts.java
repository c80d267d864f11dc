package org.minsheng.bench.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.post.InvalidPostException;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;

/** Replay of an NDJSON file of {@link Post}s (the spool format), for benchmarks over real or saved corpora. */
public final class NdjsonPosts {
  private NdjsonPosts() {}

  /**
   * The first {@code limit} valid posts of {@code file} (all of them when it has fewer). Blank lines are skipped; an
   * invalid line is an error naming the file, the line number and the validator's reason.
   */
  public static List<Post> read(Path file, int limit) {
    PostCodec codec = new PostCodec();
    List<Post> posts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while (posts.size() < limit && (line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          posts.add(codec.decode(line));
        } catch (InvalidPostException e) {
          throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read posts from " + file, e);
    }
    return posts;
  }
}
