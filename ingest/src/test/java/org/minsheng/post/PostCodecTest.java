package org.minsheng.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostCodecTest {
  private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
  private final PostCodec codec = new PostCodec(new PostValidator(Clock.fixed(NOW, ZoneOffset.UTC)));

  private static Post sample() {
    return Post.builder()
        .id("weibo:4890001").platform("weibo").site("weibo.com").url("https://m.weibo.cn/detail/4890001")
        .author(new Post.Author("u1", "江城日报", 120_000L, true))
        .title(null).text("江城地铁5号线今日开通，市民点赞")
        .publishedAt(Instant.parse("2026-11-20T07:30:00Z")).fetchedAt(Instant.parse("2026-11-20T07:31:00Z"))
        .region("湖北").metrics(new Post.Metrics(10L, 5L, 100L, null)).parentId(null).contentHash("abc")
        .build();
  }

  @Test
  void roundTripsEveryField() throws Exception {
    Post post = sample();
    String line = codec.encode(post);
    assertThat(line).doesNotContain("\n").contains("\"v\":1").contains("\"publishedAt\":\"2026-11-20T07:30:00Z\"");
    assertThat(codec.decode(line)).isEqualTo(post);
  }

  @Test
  void toleratesUnknownFields() throws Exception {
    String line = codec.encode(sample()).replaceFirst("\\{", "{\"futureField\":{\"x\":1},");
    assertThat(codec.decode(line).id()).isEqualTo("weibo:4890001");
  }

  @Test
  void namesJsonSyntaxErrors() {
    assertThatThrownBy(() -> codec.decode("{\"v\":1,\"id\":"))
        .isInstanceOf(InvalidPostException.class).hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> codec.decode("[1,2]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> codec.decode("   ")).hasMessage("empty line");
  }

  @Test
  void namesMissingVersionAndWrongTypes() {
    assertThatThrownBy(() -> codec.decode("{\"id\":\"a\"}")).hasMessage("missing schema version field \"v\"");
    assertThatThrownBy(() -> codec.decode("{\"v\":1,\"id\":\"a\",\"publishedAt\":\"yesterday\"}"))
        .hasMessageStartingWith("wrong field type");
  }

  @Test
  void listsEveryValidationProblem() {
    String line = "{\"v\":1,\"id\":\"x1\",\"platform\":\"Weibo!\",\"text\":\" \",\"url\":\"ftp://a/b\","
        + "\"publishedAt\":\"2026-11-25T00:00:00Z\",\"metrics\":{\"likes\":-1}}";
    assertThatThrownBy(() -> codec.decode(line))
        .hasMessageContaining("platform 'Weibo!' is not a lower-case name")
        .hasMessageContaining("missing text")
        .hasMessageContaining("is more than 24h in the future")
        .hasMessageContaining("url 'ftp://a/b' is not an absolute http(s) URL")
        .hasMessageContaining("metrics.likes is negative (-1)");
  }

  @Test
  void rejectsUnsupportedVersion() {
    String line = codec.encode(sample()).replace("\"v\":1", "\"v\":99");
    assertThatThrownBy(() -> codec.decode(line)).hasMessageContaining("unsupported schema version v=99");
  }
}
