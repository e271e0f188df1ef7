package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics on a case small enough to check by hand. */
class MetricsTest {

  // Judged: a=3, b=2, c=1; x and y are unjudged (grade 0).
  private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);

  @Test
  void ndcgOfTheIdealOrderIsOne() {
    assertThat(Metrics.ndcg(List.of("a", "b", "c"), GRADES, 10)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ndcgOfAHandCheckedOrder() {
    // Ranked x, a, c, b. DCG = 0/log2(2) + 7/log2(3) + 1/log2(4) + 3/log2(5)
    //                        = 0 + 4.416508 + 0.5 + 1.292030 = 6.208538
    // IDCG = 7/1 + 3/log2(3) + 1/2 = 7 + 1.892789 + 0.5 = 9.392789
    double expected = 6.208538 / 9.392789;
    assertThat(Metrics.ndcg(List.of("x", "a", "c", "b"), GRADES, 10))
        .isCloseTo(expected, within(1e-6));
    assertThat(expected).isCloseTo(0.660990, within(1e-6));
  }

  @Test
  void ndcgCutsAtK() {
    // Only x at rank 1 counts with k = 1.
    assertThat(Metrics.ndcg(List.of("x", "a"), GRADES, 1)).isZero();
  }

  @Test
  void recallCountsRelevantPapersFoundWithinK() {
    assertThat(Metrics.recall(List.of("x", "a", "y", "c"), GRADES, 100))
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(Metrics.recall(List.of("x", "a", "y", "c"), GRADES, 2))
        .isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void reciprocalRankIsOneOverTheFirstRelevantRank() {
    assertThat(Metrics.reciprocalRank(List.of("x", "y", "c", "a"), GRADES)).isEqualTo(1.0 / 3);
    assertThat(Metrics.reciprocalRank(List.of("x", "y"), GRADES)).isZero();
  }
}
