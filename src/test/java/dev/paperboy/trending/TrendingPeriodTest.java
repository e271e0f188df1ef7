package dev.paperboy.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.search.InvalidQuery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingPeriodTest {

  /** A Sunday afternoon, in ISO week 48 of 2026. */
  private static final Instant NOW = Instant.parse("2026-11-29T15:30:00Z");

  @Test
  void aPastDayIsThatWholeUtcDayScoredAsOfItsEnd() {
    TrendingPeriod day = TrendingPeriod.of(Window.DAY, "2026-11-27", NOW);
    assertThat(day.start()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(day.path()).isEqualTo("/trending/2026-11-27");
    assertThat(day.query()).isEqualTo("date=2026-11-27");
    assertThat(day.title()).isEqualTo("27 November 2026");
  }

  @Test
  void weeksAreIsoWeeksAcrossTheTurnOfTheYear() {
    TrendingPeriod week = TrendingPeriod.of(Window.WEEK, "2026-W01", NOW);
    assertThat(week.start()).isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(week.previous(NOW).orElseThrow().key()).isEqualTo("2025-W52");
    // 2026 begins on a Thursday, so it has a week 53; 2025 does not.
    assertThat(TrendingPeriod.of(Window.WEEK, "2026-W53", Instant.parse("2027-02-01T00:00:00Z")))
        .extracting(TrendingPeriod::path)
        .isEqualTo("/trending/week/2026-W53");
    assertThatThrownBy(() -> TrendingPeriod.of(Window.WEEK, "2025-W53", NOW))
        .isInstanceOf(InvalidQuery.class);
  }

  @Test
  void theRollingListLeadsBackToTheLastFinishedPeriodAndThatOneForwardToIt() {
    TrendingPeriod today = TrendingPeriod.rolling(Window.DAY, NOW);
    assertThat(today.end().minus(Duration.ofDays(1))).isEqualTo(today.start());
    assertThat(today.next(NOW)).isEmpty();
    TrendingPeriod yesterday = today.previous(NOW).orElseThrow();
    assertThat(yesterday.path()).isEqualTo("/trending/2026-11-28");
    assertThat(yesterday.next(NOW).orElseThrow().path()).isEqualTo("/trending");
    assertThat(yesterday.previous(NOW).orElseThrow().path()).isEqualTo("/trending/2026-11-27");
    TrendingPeriod lastMonth =
        TrendingPeriod.rolling(Window.MONTH, NOW).previous(NOW).orElseThrow();
    assertThat(lastMonth.path()).isEqualTo("/trending/month/2026-10");
    assertThat(lastMonth.next(NOW).orElseThrow().path()).isEqualTo("/trending/month");
  }

  @Test
  void thePeriodUnderWayEndsNowAndLinksToNothingLater() {
    TrendingPeriod week = TrendingPeriod.of(Window.WEEK, "2026-W48", NOW);
    assertThat(week.end()).isEqualTo(NOW);
    assertThat(week.next(NOW)).isEmpty();
    TrendingPeriod lastWeek = TrendingPeriod.of(Window.WEEK, "2026-W47", NOW);
    assertThat(lastWeek.next(NOW).orElseThrow().path()).isEqualTo("/trending/week");
  }

  @Test
  void malformedKeysAreInvalidQueriesAndFarPeriodsAreNotFound() {
    for (String key : new String[] {"2026-13-45", "2026-02-30", "26-11-27", "", "yesterday"}) {
      assertThatThrownBy(() -> TrendingPeriod.of(Window.DAY, key, NOW))
          .isInstanceOf(InvalidQuery.class);
    }
    for (String key : new String[] {"2026-W60", "2026-W00", "2026-48"}) {
      assertThatThrownBy(() -> TrendingPeriod.of(Window.WEEK, key, NOW))
          .isInstanceOf(InvalidQuery.class);
    }
    assertThatThrownBy(() -> TrendingPeriod.of(Window.MONTH, "2026-1", NOW))
        .isInstanceOf(InvalidQuery.class);
    assertThatThrownBy(() -> TrendingPeriod.of(Window.DAY, "2026-11-30", NOW))
        .isInstanceOf(NoSuchPeriod.class);
    assertThatThrownBy(() -> TrendingPeriod.of(Window.MONTH, "1990-12", NOW))
        .isInstanceOf(NoSuchPeriod.class);
    assertThat(TrendingPeriod.of(Window.DAY, "1991-01-01", NOW).previous(NOW)).isEmpty();
  }
}
