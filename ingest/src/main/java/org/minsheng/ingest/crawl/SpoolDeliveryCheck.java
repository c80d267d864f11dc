package org.minsheng.ingest.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.minsheng.post.InvalidPostException;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeliveryCheck} for the spool directory: reads the published files ({@code posts-*.ndjson}, not the hidden
 * temporary ones) modified since the intent was recorded and collects the ids found. Only files of the last moments
 * before a crash are read, so it is cheap.
 */
public final class SpoolDeliveryCheck implements DeliveryCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDeliveryCheck.class);
  private final Path directory;
  private final PostCodec codec = new PostCodec();

  public SpoolDeliveryCheck(Path directory) {
    this.directory = directory;
  }

  @Override
  public Set<String> delivered(Collection<String> postIds, Instant since) throws IOException {
    Set<String> wanted = new HashSet<>(postIds);
    Set<String> found = new HashSet<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    long from = since.toEpochMilli() - 2_000; // file times are coarse on some file systems
    List<Path> files;
    try (Stream<Path> s = Files.list(directory)) {
      files = s.filter(f -> f.getFileName().toString().startsWith("posts-")).toList();
    }
    for (Path f : files) {
      if (Files.getLastModifiedTime(f).toMillis() < from) {
        continue;
      }
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          Post p = codec.decode(line);
          if (wanted.contains(p.id())) {
            found.add(p.id());
          }
        } catch (InvalidPostException e) {
          LOG.warn("spool file {} holds an unreadable line: {}", f, e.getMessage());
        }
      }
    }
    return found;
  }
}
