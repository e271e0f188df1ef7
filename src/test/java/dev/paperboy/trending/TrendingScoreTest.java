package dev.paperboy.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    // (1 + 2 + 3 + log10(11) / 3) / (22 + 2)^1.5 = 6.347131 / 117.575508 = 0.053983
    assertThat(TrendingScore.of(2, 3, 10, hoursAgo(22), NOW)).isCloseTo(0.053983, within(1e-6));
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
    // At the cap, 999 views weigh exactly one vote.
    assertThat(TrendingScore.of(1, 0, 0, NOW, NOW))
        .isEqualTo(TrendingScore.of(0, 0, 999, NOW, NOW));
  }

  /**
   * The bound, for any number of views and any age: views alone never outrank one real vote (at
   * their cap they tie it), and never reach two votes. Two, because one vote is exactly the cap.
   */
  @Test
  void viewsAloneNeverOutrankRealVotes() {
    Random random = new Random(12);
    List<Long> views = new ArrayList<>(List.of(0L, 1L, 9L, 999L, 1000L, Long.MAX_VALUE));
    for (long v = 10; v > 0 && v < Long.MAX_VALUE / 10; v *= 10) {
      views.add(v);
    }
    random.longs(1000, 0, Long.MAX_VALUE).forEach(views::add);
    for (long v : views) {
      Instant seen = hoursAgo(random.nextInt(24 * 60));
      double viewsOnly = TrendingScore.of(0, 0, v, seen, NOW);
      assertThat(viewsOnly)
          .as("%d views", v)
          .isLessThanOrEqualTo(TrendingScore.of(1, 0, 0, seen, NOW));
      assertThat(viewsOnly).as("%d views", v).isLessThan(TrendingScore.of(2, 0, 0, seen, NOW));
    }
  }

  @Test
  void moreViewsNeverLowerTheScore() {
    long previous = 0;
    for (long v = 1; v > 0 && v < Long.MAX_VALUE / 3; v = v * 3 + 1) {
      assertThat(TrendingScore.viewPoints(v))
          .isGreaterThanOrEqualTo(TrendingScore.viewPoints(previous));
      previous = v;
    }
  }

  @Test
  void windowsParseAndRefuseOtherWords() {
    assertThat(Window.parse("week")).contains(Window.WEEK);
    assertThat(Window.parse("year")).isEmpty();
    assertThat(Window.MONTH.length()).isEqualTo(Duration.ofDays(30));
  }
}
