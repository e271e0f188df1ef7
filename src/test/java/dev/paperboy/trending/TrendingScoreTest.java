package dev.paperboy.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The formula on cases computed by hand. */
class TrendingScoreTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private static Instant hoursAgo(long h) {
    return NOW.minus(Duration.ofHours(h));
  }

  @Test
  void handComputedValues() {
    // (1 + 0) / (0 + 2)^1.5 = 1 / 2.828427 = 0.353553
    assertThat(TrendingScore.of(0, 0, 0, NOW, NOW)).isCloseTo(0.353553, within(1e-6));
    // (1 + 2 + 3 + 0.1 * 10) / (22 + 2)^1.5 = 7 / 117.575508 = 0.059536
    assertThat(TrendingScore.of(2, 3, 10, hoursAgo(22), NOW)).isCloseTo(0.059536, within(1e-6));
  }

  @Test
  void fiftyVotesYesterdayOutrankSixtyLastMonth() {
    assertThat(TrendingScore.of(50, 0, 0, hoursAgo(24), NOW))
        .isGreaterThan(TrendingScore.of(60, 0, 0, hoursAgo(24 * 30), NOW));
  }

  @Test
  void aBrandNewPaperWithAFewFastVotesCanRise() {
    // 3 votes in its first hour beat 20 votes gathered over two days.
    assertThat(TrendingScore.of(3, 0, 0, hoursAgo(1), NOW))
        .isGreaterThan(TrendingScore.of(20, 0, 0, hoursAgo(48), NOW));
  }

  @Test
  void withoutSignalsRecencyDecidesAndViewsWeighLessThanVotes() {
    assertThat(TrendingScore.of(0, 0, 0, hoursAgo(1), NOW))
        .isGreaterThan(TrendingScore.of(0, 0, 0, hoursAgo(5), NOW));
    assertThat(TrendingScore.of(1, 0, 0, NOW, NOW))
        .isGreaterThan(TrendingScore.of(0, 0, 9, NOW, NOW));
    assertThat(TrendingScore.of(1, 0, 0, NOW, NOW)).isEqualTo(TrendingScore.of(0, 0, 10, NOW, NOW));
  }

  @Test
  void windowsParseAndRefuseOtherWords() {
    assertThat(Window.parse("week")).contains(Window.WEEK);
    assertThat(Window.parse("year")).isEmpty();
    assertThat(Window.MONTH.length()).isEqualTo(Duration.ofDays(30));
  }
}
