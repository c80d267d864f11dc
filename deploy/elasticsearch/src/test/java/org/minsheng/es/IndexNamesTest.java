package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexNamesTest {
  @Test
  void monthlyPostIndexFollowsTheUtcMonthOfPublishedAt() {
    PostIndexNaming naming = IndexNames.DEFAULT.posts();
    assertThat(naming.indexFor(Instant.parse("2026-11-21T08:00:00Z"))).isEqualTo("minsheng-posts-2026.11");
    assertThat(naming.indexFor(Instant.parse("2026-11-30T23:59:59.999Z"))).isEqualTo("minsheng-posts-2026.11");
    assertThat(naming.indexFor(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo("minsheng-posts-2026.12");
    // 2027-01-01 07:00 in Beijing is still 2026 in UTC
    assertThat(naming.indexFor(Instant.parse("2026-12-31T23:00:00Z"))).isEqualTo("minsheng-posts-2026.12");
    assertThat(naming.alias()).isEqualTo("minsheng-posts");
    assertThat(naming.pattern()).isEqualTo("minsheng-posts-*");
  }

  @Test
  void postWithoutPublishedAtHasNoIndex() {
    assertThatThrownBy(() -> IndexNames.DEFAULT.posts().indexFor(null))
        .hasMessage("publishedAt is required to choose the monthly posts index");
  }

  @Test
  void everyNameUsesThePrefix() {
    IndexNames names = new IndexNames("ms-test");
    assertThat(names.posts().indexFor(Instant.parse("2026-01-05T00:00:00Z"))).isEqualTo("ms-test-posts-2026.01");
    assertThat(names.fixedIndices()).containsExactly("ms-test-deadletters", "ms-test-topics", "ms-test-trends",
        "ms-test-alerts", "ms-test-sources");
  }

  @Test
  void prefixMustBeAValidIndexName() {
    assertThatThrownBy(() -> new IndexNames("Minsheng"))
        .hasMessage("index prefix must be lower-case letters, digits, '-' or '_': Minsheng");
    assertThatThrownBy(() -> new IndexNames("-x")).isInstanceOf(IllegalArgumentException.class);
  }
}
