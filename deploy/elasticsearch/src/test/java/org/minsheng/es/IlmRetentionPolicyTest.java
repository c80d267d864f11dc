package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class IlmRetentionPolicyTest {
  private final IlmRetentionPolicy policy =
      new IlmRetentionPolicy(IndexNames.DEFAULT.posts(), RetentionPeriod.parse("13 months"));

  @Test
  void deletePhaseOnlyWithAMinAgeNeverShorterThanTheRetention() {
    assertThat(policy.name()).isEqualTo("minsheng-posts-retention");
    assertThat(policy.body().path("policy").path("phases").toString())
        .isEqualTo("{\"delete\":{\"min_age\":\"397d\",\"actions\":{\"delete\":{}}}}"); // 1 year (366) + 1 month (31)
    // no 13 months are longer than 397 days: ILM never deletes before the name-based job would
    assertThat(IlmRetentionPolicy.minAge(Period.ofMonths(13).normalized())).isEqualTo("397d");
    assertThat(IlmRetentionPolicy.minAge(Period.ofDays(400))).isEqualTo("400d");
  }

  @Test
  void eachIndexCountsItsAgeFromTheEndOfItsMonth() {
    assertThat(policy.indexSettings(YearMonth.of(2025, 12)).toString()).isEqualTo(
        "{\"index\":{\"lifecycle\":{\"name\":\"minsheng-posts-retention\",\"origination_date\":"
            + Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + "}}}");
  }

  @Test
  void foreverNeedsNoPolicy() {
    assertThatThrownBy(() -> new IlmRetentionPolicy(IndexNames.DEFAULT.posts(), RetentionPeriod.FOREVER))
        .hasMessageContaining("forever");
  }
}
