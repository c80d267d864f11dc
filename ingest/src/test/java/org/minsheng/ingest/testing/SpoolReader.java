package org.minsheng.ingest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;

/** Reads every published (non-hidden) spool file, in name order. */
public final class SpoolReader {
  private SpoolReader() {}

  public static List<Post> posts(Path spool) throws IOException {
    List<Post> out = new ArrayList<>();
    if (!Files.isDirectory(spool)) {
      return out;
    }
    PostCodec codec = new PostCodec();
    try (Stream<Path> files = Files.list(spool)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("posts-")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            try {
              out.add(codec.decode(line));
            } catch (Exception e) {
              throw new IllegalStateException("bad spool line in " + f + ": " + line, e);
            }
          }
        }
      }
    }
    return out;
  }
}
