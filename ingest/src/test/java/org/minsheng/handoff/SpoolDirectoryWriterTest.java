package org.minsheng.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;

class SpoolDirectoryWriterTest {
  @TempDir Path dir;

  private static Post post(int i) {
    return Post.builder().id("p" + i).platform("news").text("正文" + i)
        .publishedAt(Instant.parse("2026-11-20T07:30:00Z")).build();
  }

  private List<Path> visible() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private List<Path> hidden() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve(SpoolDirectoryWriter.IN_PROGRESS))) {
      return files.toList();
    }
  }

  @Test
  void nothingIsVisibleUntilAFileIsComplete() throws Exception {
    try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(dir, 3, Duration.ofHours(1))) {
      writer.send(post(1));
      writer.send(post(2));
      assertThat(visible()).isEmpty();
      assertThat(hidden()).hasSize(1);
      writer.send(post(3));
      assertThat(visible()).hasSize(1);
      assertThat(hidden()).isEmpty();
      writer.send(post(4));
      writer.flush();
      assertThat(visible()).hasSize(2);
      assertThat(writer.postsPublished()).isEqualTo(4);
    }
  }

  @Test
  void publishedFilesAreNdjsonOfDecodablePosts() throws Exception {
    try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(dir, 100, Duration.ofHours(1))) {
      for (int i = 0; i < 5; i++) {
        writer.send(post(i));
      }
    }
    List<Path> files = visible();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).matches("posts-\\d{8}T\\d{6}Z-[0-9a-f]{8}-0\\.ndjson");
    List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    PostCodec codec = new PostCodec();
    assertThat(lines).hasSize(5);
    assertThat(codec.decode(lines.get(4))).isEqualTo(post(4));
  }

  @Test
  void closeWithoutPostsWritesNothing() throws Exception {
    new SpoolDirectoryWriter(dir, 10, Duration.ofSeconds(1)).close();
    assertThat(visible()).isEmpty();
    assertThat(hidden()).isEmpty();
  }
}
