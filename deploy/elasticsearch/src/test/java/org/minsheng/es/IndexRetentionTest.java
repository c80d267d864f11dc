package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.config.Settings;

class IndexRetentionTest {
  private static final PostIndexNaming POSTS = IndexNames.DEFAULT.posts();

  private static IndexRetention at(String now, String retention) {
    return new IndexRetention(POSTS, RetentionPeriod.parse(retention), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  @Test
  void deletesOnlyMonthsThatEndedBeforeNowMinusRetention() {
    // 2026-11-22 minus 13 months = 2025-10-22: September 2025 ended on 10-01 (expired), October on 11-01 (kept).
    IndexRetention.Plan plan = at("2026-11-22T02:00:00Z", "13 months").plan(List.of("minsheng-posts-2026.11",
        "minsheng-posts-2025.10", "minsheng-posts-2025.09", "minsheng-posts-2024.12", "minsheng-posts-2026.10"));
    assertThat(plan.cutoff()).isEqualTo(Instant.parse("2025-10-22T02:00:00Z"));
    assertThat(plan.expired()).containsExactly("minsheng-posts-2024.12", "minsheng-posts-2025.09");
    assertThat(plan.kept()).containsExactly("minsheng-posts-2025.10", "minsheng-posts-2026.10", "minsheng-posts-2026.11");
    assertThat(plan.unrecognised()).isEmpty();
    assertThat(plan.deleted()).isEmpty();
  }

  @Test
  void monthEndingExactlyAtTheCutoffIsExpiredOneInstantLaterNot() {
    // cutoff 2025-11-01T00:00Z = end of October 2025: every October post is older than the retention.
    assertThat(at("2026-12-01T00:00:00Z", "13 months").plan(List.of("minsheng-posts-2025.10")).expired())
        .containsExactly("minsheng-posts-2025.10");
    assertThat(at("2026-11-30T23:59:59Z", "13 months").plan(List.of("minsheng-posts-2025.10")).expired()).isEmpty();
  }

  @Test
  void namesWithoutAValidMonthAreNeverDeleted() {
    IndexRetention.Plan plan = at("2026-11-22T00:00:00Z", "1 month").plan(List.of("minsheng-posts-2020.01-reindexed",
        "minsheng-posts-2020.13", "minsheng-posts-2020.1", "minsheng-posts-old", "other-posts-2020.01",
        "minsheng-posts-2020.01"));
    assertThat(plan.expired()).containsExactly("minsheng-posts-2020.01");
    assertThat(plan.unrecognised()).containsExactly("minsheng-posts-2020.01-reindexed", "minsheng-posts-2020.1",
        "minsheng-posts-2020.13", "minsheng-posts-old", "other-posts-2020.01");
  }

  @Test
  void currentAndFutureMonthsAreKeptEvenWithAOneDayRetention() {
    IndexRetention.Plan plan = at("2026-11-22T00:00:00Z", "1 day")
        .plan(List.of("minsheng-posts-2026.11", "minsheng-posts-2027.03", "minsheng-posts-2026.10"));
    assertThat(plan.expired()).containsExactly("minsheng-posts-2026.10");
    assertThat(plan.kept()).containsExactly("minsheng-posts-2026.11", "minsheng-posts-2027.03");
  }

  @Test
  void foreverKeepsEverything() {
    IndexRetention.Plan plan = at("2026-11-22T00:00:00Z", "forever").plan(List.of("minsheng-posts-1999.01"));
    assertThat(plan.cutoff()).isNull();
    assertThat(plan.expired()).isEmpty();
    assertThat(plan.kept()).containsExactly("minsheng-posts-1999.01");
  }

  @Test
  void anotherPrefixOnlyJudgesItsOwnIndices() {
    IndexRetention r = new IndexRetention(new IndexNames("ms-it").posts(), RetentionPeriod.parse("P1M"),
        Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
    IndexRetention.Plan plan = r.plan(List.of("ms-it-posts-2020.01", "minsheng-posts-2020.01"));
    assertThat(plan.expired()).containsExactly("ms-it-posts-2020.01");
    assertThat(plan.unrecognised()).containsExactly("minsheng-posts-2020.01");
  }

  @Test
  void retentionPeriodsParseInWordsAndIso() {
    assertThat(RetentionPeriod.parse("13 months").period()).contains(Period.of(1, 1, 0));
    assertThat(RetentionPeriod.parse(" 1 Month ").period()).contains(Period.ofMonths(1));
    assertThat(RetentionPeriod.parse("400 days").period()).contains(Period.ofDays(400));
    assertThat(RetentionPeriod.parse("8 weeks").period()).contains(Period.ofDays(56));
    assertThat(RetentionPeriod.parse("2 years").period()).contains(Period.ofYears(2));
    assertThat(RetentionPeriod.parse("P13M")).isEqualTo(RetentionPeriod.parse("P1Y1M"));
    assertThat(RetentionPeriod.parse("P13M").toString()).isEqualTo("P1Y1M");
    assertThat(RetentionPeriod.parse("forever").isForever()).isTrue();
    assertThat(RetentionPeriod.parse("").isForever()).isTrue();
    assertThat(RetentionPeriod.parse(null).isForever()).isTrue();
    for (String bad : List.of("13", "0 months", "P0D", "-3 months", "P-1M", "13 fortnights", "soon")) {
      assertThatThrownBy(() -> RetentionPeriod.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }
  }

  @Test
  void settingsDefaultIsThirteenMonthsAndEnvironmentOverrides() {
    Settings defaults = Settings.load("minsheng-elasticsearch.yaml", null, Map.of());
    assertThat(IndexRetention.from(defaults).retention()).isEqualTo(RetentionPeriod.parse("13 months"));
    Settings env = Settings.load("minsheng-elasticsearch.yaml", null,
        Map.of("MINSHENG_ELASTICSEARCH_RETENTION_POSTS", "forever"));
    assertThat(IndexRetention.from(env).retention().isForever()).isTrue();
  }

  @Test
  void commandPrintsThePlanAsJson() {
    IndexRetention.Plan plan = at("2026-11-22T00:00:00Z", "13 months")
        .plan(List.of("minsheng-posts-2020.01", "minsheng-posts-2026.11", "minsheng-posts-x"));
    assertThat(EsRetentionCommand.toJson(plan).toString()).isEqualTo("{\"retention\":\"P1Y1M\","
        + "\"cutoff\":\"2025-10-22T00:00:00Z\",\"dryRun\":false,\"expired\":[\"minsheng-posts-2020.01\"],"
        + "\"deleted\":[],\"kept\":[\"minsheng-posts-2026.11\"],\"unrecognised\":[\"minsheng-posts-x\"]}");
  }
}
